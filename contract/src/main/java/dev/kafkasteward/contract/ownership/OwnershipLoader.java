package dev.kafkasteward.contract.ownership;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code ownership.yml}: parse keeping positions, validate collecting every diagnostic, map to
 * the immutable {@link Ownership}. Either returns a complete model or throws one
 * {@link OwnershipException} listing all problems as {@code file:line:column: message}.
 */
public final class OwnershipLoader {

    /** Ownership files are hand-written; anything larger is a mistake or an attack. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    /**
     * snakeyaml buffers a token's whole look-ahead and copies it on every 1 KiB read, so one long line
     * (a run of spaces, a long quoted word) costs time quadratic in its length: 400,000 spaces take
     * seconds. Capping lines keeps the worst file of {@link #MAX_BYTES} under a second.
     */
    public static final int MAX_LINE_CHARS = 16 * 1024;
    private static final int MAX_NESTING = 32;
    private static final int MAX_ALIASES = 50;

    public Ownership load(Path file) throws OwnershipException {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw single(source, "file is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw single(source, "cannot read file: " + e.getMessage());
        }
        return load(source, bytes);
    }

    /** Loads a file's bytes read elsewhere (e.g. by a reload that compared them first). */
    public Ownership load(String source, byte[] bytes) throws OwnershipException {
        if (bytes.length > MAX_BYTES) {
            throw single(source, "file is larger than " + MAX_BYTES + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(source, "file is not valid UTF-8");
        }
        return parse(source, text);
    }

    /** Loads from text; {@code source} names the input in diagnostics. */
    public Ownership parse(String source, String text) throws OwnershipException {
        if (text.length() > MAX_BYTES) {
            throw single(source, "input is larger than " + MAX_BYTES + " characters");
        }
        Diagnostics diagnostics = new Diagnostics(source);
        Optional<TextPosition> longLine = TextPosition.firstLineLongerThan(text, MAX_LINE_CHARS);
        if (longLine.isPresent()) {
            diagnostics.error(longLine.get().line(), longLine.get().column(),
                    "line is longer than " + MAX_LINE_CHARS + " characters");
            throw new OwnershipException(diagnostics.sorted());
        }
        Node root;
        try {
            root = yaml().compose(new java.io.StringReader(text));
        } catch (NumberFormatException e) {
            // snakeyaml 2.5 parses a hex escape (backslash x, u or U) cut short by the end of input as an empty
            // number and fails without a mark; that escape starts at the input's last backslash.
            TextPosition at = TextPosition.of(text, Math.max(0, text.lastIndexOf('\\')));
            diagnostics.error(at.line(), at.column(),
                    "malformed YAML: the input ends inside an escape sequence of a double-quoted scalar");
            throw new OwnershipException(diagnostics.sorted());
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + contextPosition(e) + ")" : "";
            if (mark != null) {
                diagnostics.error(mark, "malformed YAML: " + problem + context);
            } else {
                diagnostics.error(1, 1, "malformed YAML: " + problem + context);
            }
            throw new OwnershipException(diagnostics.sorted());
        } catch (YAMLException e) {
            // Limits (size, nesting, aliases) surface without a mark.
            throw single(source, "malformed YAML: " + e.getMessage());
        }
        if (root == null) {
            throw single(source, "file is empty: expected a mapping with at least 'cluster', 'teams', 'tiers' and 'platform'");
        }
        var model = new OwnershipReader(diagnostics).read(root);
        if (model.isEmpty() || !diagnostics.isEmpty()) {
            throw new OwnershipException(diagnostics.sorted());
        }
        return model.get();
    }

    /** Where the construct being parsed began (an opening quote, a flow collection), when elsewhere. */
    private static String contextPosition(MarkedYAMLException e) {
        var context = e.getContextMark();
        var problem = e.getProblemMark();
        if (context == null || problem == null || !e.getContext().startsWith("while ")
                || (context.getLine() == problem.getLine() && context.getColumn() == problem.getColumn())) {
            return "";
        }
        return ", which started at line " + (context.getLine() + 1) + ", column " + (context.getColumn() + 1);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_BYTES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        return new Yaml(new SafeConstructor(options));
    }

    private static OwnershipException single(String source, String message) {
        return new OwnershipException(List.of(new Diagnostic(source, 1, 1, message)));
    }
}
