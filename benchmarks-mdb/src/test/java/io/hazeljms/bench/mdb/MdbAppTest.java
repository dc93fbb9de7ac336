package io.hazeljms.bench.mdb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WAR the probe deploys: the app's classes and a descriptor that binds the MDB to the adapter asked for. */
class MdbAppTest {

    @Test
    void warCarriesTheAppClassesAndTheActivationOfTheAdapterAskedFor(@TempDir Path dir) throws Exception {
        Map<String, String> activation = new ArtemisOnMicro(dir.resolve("artemis-ra.rar"), dir).activation();
        Path war = MdbApp.write(dir.resolve("app.war"), activation);
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (String c : new String[] {"CountingMdb", "ConsumedTally", "TallyServlet"}) {
                assertNotNull(zip.getEntry("WEB-INF/classes/io/hazeljms/bench/mdb/app/" + c + ".class"), c);
            }
            byte[] xml = zip.getInputStream(zip.getEntry("WEB-INF/ejb-jar.xml")).readAllBytes();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            Map<String, String> declared = new LinkedHashMap<>();
            NodeList names = doc.getElementsByTagNameNS("*", "activation-config-property-name");
            NodeList values = doc.getElementsByTagNameNS("*", "activation-config-property-value");
            for (int i = 0; i < names.getLength(); i++) {
                declared.put(names.item(i).getTextContent(), values.item(i).getTextContent());
            }
            Map<String, String> expected = new HashMap<>(activation);
            expected.remove(MdbApp.RESOURCE_ADAPTER);
            assertEquals(expected, new HashMap<>(declared));
            String payara = new String(zip.getInputStream(zip.getEntry("WEB-INF/glassfish-ejb-jar.xml"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(payara.contains("<resource-adapter-mid>artemis-ra</resource-adapter-mid>"), payara);
            assertEquals("16", declared.get("maxSession"));
            assertEquals("Required", doc.getElementsByTagNameNS("*", "trans-attribute").item(0).getTextContent());
        }
    }
}
