package io.hazeljms.ra;

import io.hazeljms.jms.config.Scope;
import io.hazeljms.jms.config.Setting;
import io.hazeljms.jms.config.Settings;
import io.hazeljms.ra.inbound.HazelJmsActivationSpec;
import io.hazeljms.ra.outbound.HazelJmsManagedConnectionFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each configuration property is declared once, in {@link Settings}: the JavaBean properties of the resource
 * adapter, the managed connection factory and the activation spec, {@code ra.xml} and the README tables are
 * compared with it. A failure prints what the file should say; {@code -Dhazeljms.updateReadme=true} rewrites the
 * README tables instead of checking them.
 */
class ConfigurationCatalogTest {

    private static final Path RA_XML = Path.of("rar/src/main/rar/META-INF/ra.xml");
    private static final Path README = Path.of("../README.md");

    @Test
    void beansHaveAPropertyPerSettingAndNoOther() {
        assertBeanFollowsCatalog(HazelJmsResourceAdapter.class, Scope.RESOURCE_ADAPTER);
        assertBeanFollowsCatalog(HazelJmsManagedConnectionFactory.class, Scope.CONNECTION_FACTORY);
        assertBeanFollowsCatalog(HazelJmsActivationSpec.class, Scope.ACTIVATION_SPEC);
    }

    @Test
    void raXmlListsEverySettingAsTheCatalogDeclaresIt() throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(RA_XML.toFile());
        Element adapter = (Element) doc.getElementsByTagName("resourceadapter").item(0);
        assertSection("resourceadapter", directConfigProperties(adapter), Scope.RESOURCE_ADAPTER);
        NodeList definitions = doc.getElementsByTagName("connection-definition");
        assertEquals(3, definitions.getLength());
        for (int i = 0; i < definitions.getLength(); i++) {
            assertSection("connection-definition", directConfigProperties((Element) definitions.item(i)),
                    Scope.CONNECTION_FACTORY);
        }
        Element spec = (Element) doc.getElementsByTagName("activationspec").item(0);
        assertSection("activationspec", directConfigProperties(spec), Scope.ACTIVATION_SPEC);
    }

    @Test
    void readmeTablesAreTheCatalogs() throws Exception {
        String readme = Files.readString(README);
        if (Boolean.getBoolean("hazeljms.updateReadme")) {
            readme = replaceTable(readme, providerTable());
            readme = replaceTable(readme, activationTable());
            Files.writeString(README, readme);
        }
        for (String table : List.of(providerTable(), activationTable())) {
            if (!readme.contains(table)) {
                writeExpected("readme-" + (table.startsWith("| setting") ? "settings" : "activation") + ".md", table);
            }
            assertTrue(readme.contains(table), "README.md should contain this table, generated from Settings "
                    + "(also in target/expected-readme-*.md):\n" + table);
        }
    }

    /** The README with the table that has {@code table}'s header line replaced by {@code table}. */
    private static String replaceTable(String readme, String table) {
        String header = table.substring(0, table.indexOf('\n') + 1);
        int from = readme.indexOf(header);
        assertTrue(from >= 0, "README.md has no table starting with " + header);
        int to = from;
        while (to < readme.length() && readme.startsWith("|", to)) {
            int end = readme.indexOf('\n', to);
            to = end < 0 ? readme.length() : end + 1;
        }
        return readme.substring(0, from) + table + readme.substring(to);
    }

    // --- what the catalog says each place should hold ------------------------------------------------------

    /** The names (and former names) a bean of {@code scope} has as config properties. */
    private static Set<String> names(Scope scope) {
        Set<String> names = new TreeSet<>();
        for (Setting<?> s : Settings.in(scope)) {
            names.add(s.name());
            names.addAll(s.deprecatedAliasesIn(scope));
        }
        return names;
    }

    private static void assertBeanFollowsCatalog(Class<?> bean, Scope scope) {
        Set<String> configProperties = new TreeSet<>();
        try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(bean).getPropertyDescriptors()) {
                Class<?> type = p.getPropertyType();
                boolean configType = type == String.class || type == Integer.class || type == Long.class
                        || type == Boolean.class;
                if (configType && p.getWriteMethod() != null) {
                    configProperties.add(p.getName());
                    Setting<?> setting = Settings.named(p.getName()).orElse(null);
                    if (setting != null) {
                        assertEquals(setting.type(), type, bean.getSimpleName() + "." + p.getName());
                        assertTrue(p.getReadMethod() != null, bean.getSimpleName() + "." + p.getName() + " getter");
                    }
                }
            }
        } catch (java.beans.IntrospectionException e) {
            throw new AssertionError(e);
        }
        assertEquals(names(scope), configProperties, bean.getSimpleName() + " config properties");
    }

    private static void writeExpected(String name, String content) {
        try {
            Files.writeString(Path.of("target/expected-" + name), content);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Element> directConfigProperties(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("config-property")) {
                list.add(e);
            }
        }
        return list;
    }

    private static void assertSection(String section, List<Element> properties, Scope scope) {
        List<String> actual = new ArrayList<>();
        for (Element p : properties) {
            actual.add(entry(text(p, "config-property-name"), text(p, "config-property-type"),
                    text(p, "config-property-value"), text(p, "description"))
                    + ("true".equals(text(p, "config-property-confidential")) ? " | confidential" : ""));
        }
        String expected = String.join("\n", expectedEntries(scope));
        if (!expected.equals(String.join("\n", actual))) {
            writeExpected("ra-" + scope.name().toLowerCase() + ".xml", expectedXml(scope));
        }
        assertEquals(expected, String.join("\n", actual), "ra.xml <" + section + "> config properties should be "
                + "(also in target/expected-ra-" + scope.name().toLowerCase() + ".xml):\n" + expectedXml(scope));
    }

    private static List<String> expectedEntries(Scope scope) {
        List<String> entries = new ArrayList<>();
        for (Setting<?> s : Settings.in(scope)) {
            Object value = s.defaultIn(scope);
            entries.add(entry(s.name(), s.type().getName(), value == null ? null : value.toString(), s.descriptionIn(scope))
                    + (s.secret() ? " | confidential" : ""));
            for (String alias : s.deprecatedAliasesIn(scope)) {
                entries.add(entry(alias, s.type().getName(), null, aliasDescription(s)));
            }
        }
        return entries;
    }

    private static String aliasDescription(Setting<?> s) {
        return "Deprecated: the former name of " + s.name() + "; when given, it wins over " + s.name();
    }

    private static String expectedXml(Scope scope) {
        StringBuilder xml = new StringBuilder();
        for (Setting<?> s : Settings.in(scope)) {
            Object value = s.defaultIn(scope);
            appendXml(xml, s.name(), s.type().getName(), value == null ? null : value.toString(), s.descriptionIn(scope),
                    s.secret());
            for (String alias : s.deprecatedAliasesIn(scope)) {
                appendXml(xml, alias, s.type().getName(), null, aliasDescription(s), false);
            }
        }
        return xml.toString();
    }

    private static void appendXml(StringBuilder xml, String name, String type, String value, String description,
                                  boolean confidential) {
        xml.append("<config-property>\n  <description>").append(description).append("</description>\n")
                .append("  <config-property-name>").append(name).append("</config-property-name>\n")
                .append("  <config-property-type>").append(type).append("</config-property-type>\n");
        if (value != null) {
            xml.append("  <config-property-value>").append(value).append("</config-property-value>\n");
        }
        if (confidential) {
            xml.append("  <config-property-confidential>true</config-property-confidential>\n");
        }
        xml.append("</config-property>\n");
    }

    private static String entry(String name, String type, String value, String description) {
        return name + " | " + type + " | " + value + " | " + description;
    }

    private static String text(Element parent, String tag) {
        NodeList list = parent.getElementsByTagName(tag);
        return list.getLength() == 0 ? null : list.item(0).getTextContent().trim();
    }

    // --- README tables -----------------------------------------------------------------------------------

    /** Every setting but the MDB-only ones: name, default, where it may be set, meaning. */
    static String providerTable() {
        StringBuilder t = new StringBuilder("| setting | default | set in | meaning |\n| --- | --- | --- | --- |\n");
        for (Setting<?> s : Settings.all()) {
            if (s.scopes().equals(Set.of(Scope.ACTIVATION_SPEC))) {
                continue;
            }
            List<String> where = s.scopes().stream().filter(scope -> scope != Scope.DESTINATION)
                    .map(Scope::label).toList();
            t.append("| `").append(s.name()).append("` | ").append(s.defaultText(Scope.JAVA)).append(" | ")
                    .append(String.join(", ", where)).append(" | ").append(s.description()).append(formerNames(s))
                    .append(" |\n");
        }
        return t.toString();
    }

    /** The properties of an MDB's activation spec. */
    static String activationTable() {
        StringBuilder t = new StringBuilder("| property | default | meaning |\n| --- | --- | --- |\n");
        for (Setting<?> s : Settings.in(Scope.ACTIVATION_SPEC)) {
            t.append("| `").append(s.name()).append("` | ").append(s.defaultText(Scope.ACTIVATION_SPEC)).append(" | ")
                    .append(s.descriptionIn(Scope.ACTIVATION_SPEC)).append(formerNames(s)).append(" |\n");
        }
        return t.toString();
    }

    private static String formerNames(Setting<?> s) {
        return s.deprecatedAliases().isEmpty() ? ""
                : " (former name " + String.join(", ", s.deprecatedAliases().stream().map(a -> "`" + a + "`").toList())
                + ": deprecated, still accepted in " + String.join(", ", s.deprecatedAliases().stream()
                .flatMap(a -> s.scopes().stream().filter(sc -> s.deprecatedAliasesIn(sc).contains(a)))
                .map(Scope::label).distinct().toList()) + ")";
    }
}
