package io.hazeljms.tests.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hazeljms.tests.MicroConsole;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Proves the in-container harness: Payara Micro from Maven Central, the RAR deployed first through the
 * post-boot command file, then a WAR with a stateless EJB behind a JAX-RS endpoint.
 */
@ExtendWith(MicroConsole.class)
@ExtendWith(ArquillianExtension.class)
class HarnessSmokeIT {

    /** Application name of the RAR: its file name without {@code .rar}. */
    private static final String RAR_NAME = "hazeljms-ra";
    private static final String WAR_NAME = "smoke";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, WAR_NAME + ".war")
                .addClasses(SmokeApplication.class, GreetingResource.class, GreetingBean.class, MicroConsole.class);
    }

    @ArquillianResource
    private URL base;

    @EJB
    private GreetingBean bean;

    @Inject
    private GreetingBean cdiBean;

    @Test
    @RunAsClient
    void restEndpointCallsStatelessEjb() throws Exception {
        HttpResponse<String> response = get("api/greeting/hazel");
        assertEquals(200, response.statusCode());
        assertEquals("Hello hazel from GreetingBean", response.body());
    }

    @Test
    @RunAsClient
    void baseUrlIsLoopback() {
        assertTrue(base.getHost().equals("localhost") || base.getHost().equals("127.0.0.1"), base.toString());
    }

    @Test
    @RunAsClient
    void resourceAdapterDeployedBeforeTheApplication() throws Exception {
        int rar = MicroConsole.deployedAt(RAR_NAME);
        int war = MicroConsole.deployedAt(WAR_NAME);
        assertTrue(rar >= 0, "no '" + RAR_NAME + " was successfully deployed' in Micro's output");
        assertTrue(war > rar, "the WAR was not deployed after the RAR");
    }

    /** Runs inside Payara Micro, through Arquillian's servlet protocol: the test instance gets injection. */
    @Test
    void beansInjectedInContainer() {
        assertNotNull(bean);
        assertEquals("Hello in-container from GreetingBean", bean.greet("in-container"));
        assertNotNull(cdiBean);
        assertEquals("Hello cdi from GreetingBean", cdiBean.greet("cdi"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toExternalForm()).resolve(path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
