package cn.elderguard.institution;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an .xlsx file, read as a stream of rows with SAX: the memory it takes does not grow with the
 * file (docs/institutions.md, "Memory"). What an in-memory workbook would hold is kept elsewhere or not at all:
 *
 * <ul>
 *   <li>rows: one at a time, as text per column (only the first {@code columns} columns);</li>
 *   <li>the shared-strings table (the text of most cells): written to a temporary file with an offset index
 *       beside it, read back by position, deleted on {@link #close()};</li>
 *   <li>styles: only whether each cell format is a date (at most 64,000 formats, Excel's own limit);</li>
 *   <li>each text at most {@link #MAX_CELL_CHARS} characters, however long the cell.</li>
 * </ul>
 *
 * The package is opened from a file (random access to its parts); Apache POI refuses parts that inflate more
 * than 100 times their compressed size.
 */
final class XlsxSheet implements Closeable {

    /** The longest text any column admits (2,000 characters) plus one, so a longer text still breaks its rule. */
    static final int MAX_CELL_CHARS = 2_001;
    private static final int MAX_CELL_FORMATS = 64_000;
    private static final Pattern ESCAPED_CHARACTER = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final int columns;
    private final SharedStrings strings;
    private final boolean[] dateFormatted;

    /** Receives each row that has at least one cell element: its 1-based number and its texts (null: no value). */
    interface RowHandler {
        void row(int number, String[] cells);
    }

    private XlsxSheet(OPCPackage pkg, int columns) throws IOException, OpenXML4JException {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        this.columns = columns;
        this.dateFormatted = readStyles(pkg);
        this.strings = SharedStrings.of(pkg);
    }

    /** Opens {@code file}, reading the first {@code columns} columns of its first sheet. */
    static XlsxSheet open(Path file, int columns) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | RuntimeException e) {
            throw new IOException("not an .xlsx file: " + e.getMessage(), e);
        }
        try {
            return new XlsxSheet(pkg, columns);
        } catch (OpenXML4JException | IOException | RuntimeException e) {
            pkg.revert();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    /** Streams the rows of the first sheet to {@code handler}, in file order. May be called again. */
    void rows(RowHandler handler) throws IOException {
        try {
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                parse(sheet, new SheetHandler(handler));
            }
        } catch (OpenXML4JException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            strings.close();
        } finally {
            pkg.revert();
        }
    }

    private static void parse(InputStream xml, DefaultHandler handler) throws IOException {
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(handler);
            parser.parse(new InputSource(xml));
        } catch (SAXException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("the spreadsheet's XML is not well-formed: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Excel's escape of characters XML cannot hold, e.g. {@code _x000D_} for a carriage return. */
    static String unescape(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher matcher = ESCAPED_CHARACTER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(matcher.group(1), 16))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String value(String type, int style, String text) {
        if (type == null || type.equals("n")) {
            return number(text, style);
        }
        return switch (type) {
            case "s" -> sharedString(text);
            case "inlineStr" -> unescape(text);
            case "b" -> "1".equals(text.trim()) ? "TRUE" : "FALSE";
            default -> text; // "str" (a formula's text), "e" (an error such as #N/A), "d" (an ISO date)
        };
    }

    private String sharedString(String index) {
        try {
            return strings.get(Integer.parseInt(index.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number as plain text (a region code stays 999001001001, never 9.99001E11); a date cell as 2026-05-10. */
    private String number(String text, int style) {
        if (text.isBlank()) {
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return text;
        }
        if (!Double.isFinite(number)) {
            return text;
        }
        if (style >= 0 && style < dateFormatted.length && dateFormatted[style] && DateUtil.isValidExcelDate(number)) {
            return DateUtil.getLocalDateTime(number).toLocalDate().toString();
        }
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Whether each cell format (the {@code s} attribute of a cell) shows a date. */
    private static boolean[] readStyles(OPCPackage pkg) throws IOException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return new boolean[0];
        }
        StylesHandler styles = new StylesHandler();
        try (InputStream xml = parts.get(0).getInputStream()) {
            parse(xml, styles);
        }
        return styles.dateFormatted();
    }

    /** The number format of each cell format ({@code cellXfs/xf}) and which custom formats are dates. */
    private static final class StylesHandler extends DefaultHandler {

        private final Map<Integer, Boolean> customFormatIsDate = new HashMap<>();
        private int[] formatOfStyle = new int[64];
        private int styles;
        private boolean inCellFormats;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "numFmt" -> {
                    Integer id = integer(attributes.getValue("numFmtId"));
                    String code = attributes.getValue("formatCode");
                    if (id != null && code != null && customFormatIsDate.size() < MAX_CELL_FORMATS) {
                        customFormatIsDate.put(id, DateUtil.isADateFormat(id, code));
                    }
                }
                case "cellXfs" -> inCellFormats = true;
                case "xf" -> {
                    if (inCellFormats && styles < MAX_CELL_FORMATS) {
                        if (styles == formatOfStyle.length) {
                            formatOfStyle = Arrays.copyOf(formatOfStyle, formatOfStyle.length * 2);
                        }
                        Integer id = integer(attributes.getValue("numFmtId"));
                        formatOfStyle[styles++] = id == null ? 0 : id;
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("cellXfs")) {
                inCellFormats = false;
            }
        }

        boolean[] dateFormatted() {
            boolean[] date = new boolean[styles];
            for (int i = 0; i < styles; i++) {
                int format = formatOfStyle[i];
                Boolean custom = customFormatIsDate.get(format);
                date[i] = custom != null ? custom : DateUtil.isADateFormat(format, BuiltinFormats.getBuiltinFormat(format));
            }
            return date;
        }
    }

    /** Collects at most {@link #MAX_CELL_CHARS} characters of one text, however long it is in the file. */
    private static final class BoundedText {

        private final StringBuilder text = new StringBuilder();

        void append(char[] characters, int start, int length) {
            int room = MAX_CELL_CHARS - text.length();
            if (room > 0) {
                text.append(characters, start, Math.min(room, length));
            }
        }

        void clear() {
            text.setLength(0);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** Rows of the sheet part: {@code row}, its cells {@code c} (reference r, type t, style s) with {@code v} or {@code is/t}. */
    private final class SheetHandler extends DefaultHandler {

        private final RowHandler handler;
        private final BoundedText text = new BoundedText();
        private String[] cells;
        private int rowNumber;
        private int column;
        private int nextColumn;
        private String type;
        private int style;
        private boolean inValue;
        private boolean inInlineString;
        private boolean inPhonetic;

        SheetHandler(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    Integer number = integer(attributes.getValue("r"));
                    rowNumber = number != null ? number : rowNumber + 1;
                    cells = new String[columns];
                    nextColumn = 0;
                }
                case "c" -> {
                    String reference = attributes.getValue("r");
                    column = reference != null ? columnOf(reference) : nextColumn;
                    type = attributes.getValue("t");
                    Integer styleIndex = integer(attributes.getValue("s"));
                    style = styleIndex == null ? 0 : styleIndex;
                    text.clear();
                }
                case "v" -> inValue = true;
                case "is" -> inInlineString = true;
                case "rPh" -> inPhonetic = true;
                case "t" -> inValue = inInlineString && !inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] characters, int start, int length) {
            if (inValue) {
                text.append(characters, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "is" -> inInlineString = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (cells != null && column >= 0 && column < columns) {
                        String value = value(type, style, text.toString());
                        cells[column] = value == null || value.isBlank() ? null : value;
                    }
                    nextColumn = column + 1;
                }
                case "row" -> {
                    handler.row(rowNumber, cells);
                    cells = null;
                }
                default -> {
                }
            }
        }
    }

    /** 0-based column of a cell reference such as {@code B5}; -1 for one beyond column XFD. */
    static int columnOf(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = Character.toUpperCase(reference.charAt(i));
            if (c < 'A' || c > 'Z') {
                break;
            }
            if (++letters > 3) {
                return -1;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    /**
     * The shared-strings table on disk: the texts one after another as UTF-8 in one file, their start offsets
     * in another (8 bytes each, one more than there are texts). A look-up reads two offsets and one text.
     */
    private static final class SharedStrings implements Closeable {

        private final Path texts;
        private final Path offsets;
        private final FileChannel textChannel;
        private final FileChannel offsetChannel;
        private final long count;
        private final ByteBuffer offsetPair = ByteBuffer.allocate(16);
        private ByteBuffer textBuffer = ByteBuffer.allocate(1024);

        private SharedStrings(Path texts, Path offsets, long count) throws IOException {
            this.texts = texts;
            this.offsets = offsets;
            this.count = count;
            this.textChannel = FileChannel.open(texts, StandardOpenOption.READ);
            this.offsetChannel = FileChannel.open(offsets, StandardOpenOption.READ);
        }

        static SharedStrings of(OPCPackage pkg) throws IOException {
            Path texts = Files.createTempFile("elderguard-import-texts", ".bin");
            Path offsets = Files.createTempFile("elderguard-import-offsets", ".bin");
            try {
                long count = 0;
                List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
                try (var textOut = new BufferedOutputStream(Files.newOutputStream(texts));
                     var offsetOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(offsets)))) {
                    offsetOut.writeLong(0);
                    if (!parts.isEmpty()) {
                        SharedStringsHandler handler = new SharedStringsHandler(textOut, offsetOut);
                        try (InputStream xml = parts.get(0).getInputStream()) {
                            parse(xml, handler);
                        }
                        count = handler.count;
                    }
                }
                return new SharedStrings(texts, offsets, count);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(texts);
                Files.deleteIfExists(offsets);
                throw e;
            }
        }

        String get(int index) {
            if (index < 0 || index >= count) {
                return null;
            }
            try {
                offsetPair.clear();
                readFully(offsetChannel, offsetPair, index * 8L);
                long start = offsetPair.getLong(0);
                int length = (int) (offsetPair.getLong(8) - start);
                if (textBuffer.capacity() < length) {
                    textBuffer = ByteBuffer.allocate(length);
                }
                textBuffer.clear().limit(length);
                readFully(textChannel, textBuffer, start);
                return new String(textBuffer.array(), 0, length, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    throw new IOException("shared strings file ends early");
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (textChannel; offsetChannel) {
                // closed by try-with-resources
            } finally {
                Files.deleteIfExists(texts);
                Files.deleteIfExists(offsets);
            }
        }
    }

    /** {@code sst/si}: a text is its {@code t} elements (plain or in rich-text runs {@code r}), without phonetic runs. */
    private static final class SharedStringsHandler extends DefaultHandler {

        private final BufferedOutputStream texts;
        private final DataOutputStream offsets;
        private final BoundedText text = new BoundedText();
        private long position;
        private long count;
        private boolean inText;
        private boolean inPhonetic;

        SharedStringsHandler(BufferedOutputStream texts, DataOutputStream offsets) {
            this.texts = texts;
            this.offsets = offsets;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> text.clear();
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = !inPhonetic;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] characters, int start, int length) {
            if (inText) {
                text.append(characters, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                case "si" -> {
                    byte[] bytes = unescape(text.toString()).getBytes(StandardCharsets.UTF_8);
                    try {
                        texts.write(bytes);
                        position += bytes.length;
                        offsets.writeLong(position);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    count++;
                }
                default -> {
                }
            }
        }
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
