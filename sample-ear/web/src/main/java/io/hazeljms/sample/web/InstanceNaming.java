package io.hazeljms.sample.web;

import io.hazeljms.sample.InstanceIdentity;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;

import java.io.IOException;

/** Names this instance after its HTTP port on the first request (see {@link InstanceIdentity}). */
@WebFilter("/*")
public class InstanceNaming implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        InstanceIdentity.learnHttpPort(request.getLocalPort());
        chain.doFilter(request, response);
    }
}
