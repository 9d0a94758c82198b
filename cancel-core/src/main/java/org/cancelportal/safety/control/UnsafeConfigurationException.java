package org.cancelportal.safety.control;

import java.util.List;

/** Stops the start of an application whose configuration {@link UnsafeConfiguration} refuses; says every problem. */
public class UnsafeConfigurationException extends RuntimeException {

    public UnsafeConfigurationException(List<String> problems) {
        super("Refusing to start: the configuration is unsafe for a server without demo mode.\n  - "
                + String.join("\n  - ", problems));
    }
}
