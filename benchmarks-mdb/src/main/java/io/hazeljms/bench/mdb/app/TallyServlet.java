package io.hazeljms.bench.mdb.app;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The probe's handle on the MDB pool: {@code POST /tally?expect=N} opens the gate for a round of N,
 * {@code POST /tally?close} closes it after a round, {@code GET /tally} answers
 * {@link ConsumedTally#line}, {@code GET /tally?awaitSeconds=S} the same once N were consumed or S seconds passed.
 */
@WebServlet("/tally")
public class TallyServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getParameter("close") != null) {
            ConsumedTally.close();
        } else {
            ConsumedTally.open(Long.parseLong(req.getParameter("expect")));
        }
        resp.setContentType("text/plain");
        resp.getWriter().println(ConsumedTally.line());
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String await = req.getParameter("awaitSeconds");
        String line;
        try {
            line = await == null ? ConsumedTally.line() : ConsumedTally.awaitDone(Long.parseLong(await));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resp.sendError(503, "interrupted");
            return;
        }
        resp.setContentType("text/plain");
        resp.getWriter().println(line);
    }
}
