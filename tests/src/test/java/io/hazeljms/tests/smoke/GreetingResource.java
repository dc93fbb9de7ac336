package io.hazeljms.tests.smoke;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** JAX-RS endpoint that calls the EJB: {@code GET api/greeting/{name}}. */
@Path("greeting")
public class GreetingResource {

    @EJB
    private GreetingBean bean;

    @GET
    @Path("{name}")
    @Produces(MediaType.TEXT_PLAIN)
    public String greet(@PathParam("name") String name) {
        return bean.greet(name);
    }
}
