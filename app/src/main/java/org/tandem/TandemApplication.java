package org.tandem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Tandem: a modular monolith. Each top-level package under {@code org.tandem} is a domain
 * module (see DESIGN.md); {@code platform} holds what every module shares.
 */
@SpringBootApplication
public class TandemApplication {

    public static void main(String[] args) {
        // backup, restore and audit verify run from the same jar without starting the server.
        if (org.tandem.platform.ops.Operations.isCommand(args)) {
            System.exit(org.tandem.platform.ops.Operations.run(args));
        }
        SpringApplication.run(TandemApplication.class, args);
    }
}
