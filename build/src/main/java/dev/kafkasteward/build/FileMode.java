package dev.kafkasteward.build;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** An octal file mode as chmod takes it ({@code 644}, {@code 0640}); only permission bits, no setuid/sticky. */
final class FileMode {

    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};

    private FileMode() {
    }

    static Optional<Set<PosixFilePermission>> parse(String octal) {
        if (octal == null || !octal.matches("0?[0-7]{3}")) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(octal, 8);
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BY_BIT.length; i++) {
            if ((bits & (1 << i)) != 0) {
                out.add(BY_BIT[i]);
            }
        }
        return Optional.of(out);
    }
}
