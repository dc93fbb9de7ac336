package io.hazeljms.console.api;

import io.hazeljms.console.jmx.ConsoleException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error of the API as {@code {"error": "..."}} with a status that says whose fault it is. A refusal of the
 * broker carries the provider's message and error id (README "Error ids"); the id decides the status: a bad
 * selector or argument is 400, a full target queue 409, anything else the broker could not do 500.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final Pattern ERROR_ID = Pattern.compile("HJMS-([A-Z]+)-(\\d{3})");
    /** Ids of the provider that mean the request named or asked something wrong. */
    private static final Set<String> CALLERS_FAULT = Set.of("MGMT-002", "MGMT-003", "MGMT-004");

    @Override
    public Response toResponse(Throwable error) {
        int status = status(error);
        String message = error.getMessage();
        if (error instanceof WebApplicationException web) {
            message = switch (status) {
                case 404 -> "no such resource";
                case 405 -> "method not allowed here";
                case 415 -> "send the body as application/json";
                default -> web.getResponse().getStatusInfo().getReasonPhrase();
            };
        } else if (status == 500 && !(error instanceof ConsoleException)) {
            LOG.log(Level.WARNING, "console request failed", error);
            message = "internal error: " + error;
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Views.error(message)).build();
    }

    /** The HTTP status for what went wrong. */
    static int status(Throwable error) {
        if (error instanceof ApiError api) {
            return api.status();
        } else if (error instanceof ConsoleException) {
            return brokerStatus(error.getMessage());
        } else if (error instanceof IllegalArgumentException) {
            return 400;
        } else if (error instanceof WebApplicationException web) {
            return web.getResponse().getStatus();
        }
        return 500;
    }

    /** By the provider's error id in the message: whose fault a refusal of the broker is. */
    static int brokerStatus(String message) {
        Matcher m = ERROR_ID.matcher(message == null ? "" : message);
        if (!m.find()) {
            return 500;
        }
        String id = m.group(1) + "-" + m.group(2);
        if (m.group(1).equals("SELECTOR") || m.group(1).equals("CFG") || CALLERS_FAULT.contains(id)) {
            return 400;
        }
        return id.equals("MGMT-001") ? 409 : 500;
    }
}
