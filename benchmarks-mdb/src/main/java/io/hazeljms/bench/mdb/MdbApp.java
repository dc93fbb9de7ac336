package io.hazeljms.bench.mdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The WAR deployed on Payara Micro: the classes of {@code app} (the MDB, the tally and its servlet) and an
 * {@code ejb-jar.xml} that declares the MDB with the activation properties of one resource adapter, its
 * transactions container-managed and {@code Required}. One class, two descriptors: the MDB code measured is the
 * same for both adapters.
 */
final class MdbApp {

    /**
     * The app's classes, by name: loading them here would need the server's APIs (the servlet's superclass) on the
     * probe's class path, which exec:java's runtime class path lacks.
     */
    private static final String APP = "io.hazeljms.bench.mdb.app.";
    private static final List<String> CLASSES = List.of(APP + "CountingMdb", APP + "ConsumedTally",
            APP + "TallyServlet");

    /** The activation key that names the adapter: it goes to Payara's descriptor, not to the activation spec. */
    static final String RESOURCE_ADAPTER = "resourceAdapter";

    private MdbApp() {
    }

    /**
     * Writes {@code war} with the MDB bound by {@code activation} (property name → value, in order;
     * {@value #RESOURCE_ADAPTER} names the adapter).
     */
    static Path write(Path war, Map<String, String> activation) throws IOException {
        Files.createDirectories(war.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(war))) {
            for (String c : CLASSES) {
                String name = c.replace('.', '/') + ".class";
                try (InputStream in = MdbApp.class.getClassLoader().getResourceAsStream(name)) {
                    if (in == null) {
                        throw new IOException("class file " + name + " not found on the class path");
                    }
                    zip.putNextEntry(new ZipEntry("WEB-INF/classes/" + name));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
            zip.putNextEntry(new ZipEntry("WEB-INF/ejb-jar.xml"));
            write(zip, ejbJarXml(activation));
            zip.closeEntry();
            // Payara reads the adapter of a descriptor-declared MDB from its own descriptor (the activation property
            // resourceAdapter counts only in annotations; without either it looks for jmsra)
            zip.putNextEntry(new ZipEntry("WEB-INF/glassfish-ejb-jar.xml"));
            write(zip, glassfishEjbJarXml(activation.get(RESOURCE_ADAPTER)));
            zip.closeEntry();
        }
        return war;
    }

    static String ejbJarXml(Map<String, String> activation) {
        StringBuilder properties = new StringBuilder();
        activation.entrySet().stream().filter(e -> !e.getKey().equals(RESOURCE_ADAPTER)).forEach(e -> properties
                .append("        <activation-config-property>\n")
                .append("          <activation-config-property-name>").append(e.getKey())
                .append("</activation-config-property-name>\n")
                .append("          <activation-config-property-value>").append(e.getValue())
                .append("</activation-config-property-value>\n")
                .append("        </activation-config-property>\n"));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                  <enterprise-beans>
                    <message-driven>
                      <ejb-name>CountingMdb</ejb-name>
                      <ejb-class>%s</ejb-class>
                      <messaging-type>jakarta.jms.MessageListener</messaging-type>
                      <transaction-type>Container</transaction-type>
                      <activation-config>
                %s      </activation-config>
                    </message-driven>
                  </enterprise-beans>
                  <assembly-descriptor>
                    <container-transaction>
                      <method>
                        <ejb-name>CountingMdb</ejb-name>
                        <method-name>*</method-name>
                      </method>
                      <trans-attribute>Required</trans-attribute>
                    </container-transaction>
                  </assembly-descriptor>
                </ejb-jar>
                """.formatted(APP + "CountingMdb", properties);
    }

    static String glassfishEjbJarXml(String resourceAdapter) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE glassfish-ejb-jar PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 EJB 3.1//EN"
                  "http://glassfish.org/dtds/glassfish-ejb-jar_3_1-1.dtd">
                <glassfish-ejb-jar>
                  <enterprise-beans>
                    <ejb>
                      <ejb-name>CountingMdb</ejb-name>
                      <mdb-resource-adapter>
                        <resource-adapter-mid>%s</resource-adapter-mid>
                      </mdb-resource-adapter>
                    </ejb>
                  </enterprise-beans>
                </glassfish-ejb-jar>
                """.formatted(resourceAdapter);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
