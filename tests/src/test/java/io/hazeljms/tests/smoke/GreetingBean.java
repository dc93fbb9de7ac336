package io.hazeljms.tests.smoke;

import jakarta.ejb.Stateless;

/** A stateless EJB, so the smoke test proves the EJB container works inside a WAR on Micro. */
@Stateless
public class GreetingBean {

    public String greet(String name) {
        return "Hello " + name + " from " + GreetingBean.class.getSimpleName();
    }
}
