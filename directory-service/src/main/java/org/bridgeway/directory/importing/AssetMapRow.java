package org.bridgeway.directory.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One answer to the Medway asset-mapping form (Microsoft Forms export), read by the form's columns. */
record AssetMapRow(int row, List<String> cells) {

    /** The form's questions, in its order; the export's header row is exactly these. */
    enum Column {
        ORGANISATION("What is the name of your organisation?", "organisation name"),
        EMAIL("What is the main/public-facing email address for your organisation?", "email"),
        PHONE("What is the main/public-facing contact telephone number for your organisation?", "telephone"),
        HAS_PARTNERS("Are there any partner organisations involved in delivering this service?", "partners involved"),
        PARTNERS("If yes, please list them below.", "partners"),
        SERVICE("What is the name of the service/project/activity you are describing?", "service name"),
        ADDRESS("What is the address of the service?", "address"),
        POSTCODE("What is the full postcode of the service?", "postcode"),
        LINK("Please provide a link below", "link"),
        DESCRIPTION("Please provide a brief description/summary of the service.", "description"),
        AREAS("Which areas of Medway does the service cover (select all that apply)?", "areas"),
        PRIORITY_GROUPS("Which group(s) does the service prioritise? (select all that apply)", "priority groups"),
        AGE_GROUPS("Which age groups does the service support? (select all that apply)", "age groups"),
        GENDERS("Which gender does your service primarily support? (select all that apply)", "gender"),
        MARMOT_PRINCIPLES("Which of the following Marmot Principles best describes the focus of your service (select all that apply)?",
                "Marmot principles"),
        OUTCOMES("Which of the following outcomes or benefits does your service aim to achieve (select all that apply)?", "outcomes"),
        RESULTS("In two or three short bullet points, please describe the main results or positive changes achieved for the people you support (optional).",
                "results");

        private final String header;
        private final String shortName;

        Column(String header, String shortName) {
            this.header = header;
            this.shortName = shortName;
        }

        String header() {
            return header;
        }

        static List<String> headers() {
            return Arrays.stream(values()).map(Column::header).toList();
        }

        /** "column 12 (priority groups)": how a spreadsheet user finds the cell. */
        @Override
        public String toString() {
            return "column " + (ordinal() + 1) + " (" + shortName + ")";
        }
    }

    /** Spreadsheets often add empty cells after the last column; those are not columns of the form. */
    static List<String> withoutTrailingBlanks(List<String> cells) {
        List<String> kept = new ArrayList<>(cells);
        while (kept.size() > Column.values().length && kept.getLast().isBlank()) {
            kept.removeLast();
        }
        return kept;
    }

    String text(Column column) {
        return cells.get(column.ordinal()).strip();
    }

    /** Microsoft Forms joins the choices of a multi-select with ";", usually with one after the last. */
    List<String> choices(Column column) {
        return Arrays.stream(text(column).split(";")).map(String::strip).filter(choice -> !choice.isEmpty()).toList();
    }
}
