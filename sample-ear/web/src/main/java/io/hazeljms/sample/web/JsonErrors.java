package io.hazeljms.sample.web;

import jakarta.json.JsonException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every error of the API answers in JSON ({@code {"error": "..."}}), never as the server's HTML page: a body that
 * is not JSON or not an object is 400; 404, 405, 415 and the like keep their status; anything else is 500, logged.
 */
@Provider
public class JsonErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(JsonErrors.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() != 500) {
            int status = web.getResponse().getStatus();
            Throwable cause = unreadableBody(error);
            String message = cause != null ? "the body is not a JSON object: " + cause.getMessage()
                    : statusMessage(status);
            return json(cause != null ? 400 : status, message);
        }
        Throwable cause = unreadableBody(error);
        if (cause != null) {
            return json(400, "the body is not a JSON object: " + cause.getMessage());
        }
        LOG.log(Level.WARNING, "request failed", error);
        return json(500, "internal error: " + error.getClass().getSimpleName());
    }

    /** The JSON parser's complaint somewhere in the chain, or null. */
    private static Throwable unreadableBody(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JsonException || t instanceof ClassCastException) {
                return t;
            }
        }
        return null;
    }

    private static String statusMessage(int status) {
        return switch (status) {
            case 400 -> "bad request: send a JSON object";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "this API answers application/json only";
            case 415 -> "send the body as application/json";
            default -> Response.Status.fromStatusCode(status) == null ? "error " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }

    private static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Views.error(message)).build();
    }
}
