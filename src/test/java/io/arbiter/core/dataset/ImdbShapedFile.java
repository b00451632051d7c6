package io.arbiter.core.dataset;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Generates a CSV shaped like the IMDB top-1000 file prompt engineers bring: 16 columns, quoted poster links and
 * overviews full of commas, multi-label genres, quoted "1,234,567" grosses, blank certificates and meta scores.
 * Row {@code i} is always the same, so tests can check any cell and the benchmark can cache the file.
 */
public final class ImdbShapedFile {

    public static final List<String> COLUMNS = List.of(
            "Poster_Link",
            "Series_Title",
            "Released_Year",
            "Certificate",
            "Runtime",
            "Genre",
            "IMDB_Rating",
            "Overview",
            "Meta_score",
            "Director",
            "Star1",
            "Star2",
            "Star3",
            "Star4",
            "No_of_Votes",
            "Gross");

    private static final String[] TITLES = {
        "The Shawshank Redemption",
        "The Godfather",
        "The Dark Knight",
        "12 Angry Men",
        "Pulp Fiction",
        "Inception",
        "Fight Club",
        "Forrest Gump",
        "Amélie",
        "Léon",
        "Spirited Away",
        "Parasite"
    };
    private static final String[] CERTIFICATES = {"A", "UA", "U", "R", "PG-13", ""};
    private static final String[] GENRES = {
        "Drama",
        "Crime, Drama",
        "Action, Crime, Drama",
        "Action, Adventure, Sci-Fi",
        "Comedy, Drama, Romance",
        "Animation, Adventure, Family",
        "Biography, Drama, History",
        "Horror, Mystery, Thriller"
    };
    private static final String[] OVERVIEWS = {
        "Two imprisoned men bond over a number of years, finding solace and eventual redemption through acts of common decency.",
        "An organized crime dynasty's aging patriarch transfers control of his clandestine empire to his reluctant son.",
        "When the menace known as the Joker wreaks havoc and chaos on the people of Gotham, Batman must accept a test.",
        "A jury holdout attempts to prevent a miscarriage of justice by forcing his colleagues to reconsider the evidence.",
        "The lives of two mob hitmen, a boxer, a gangster and his wife, and a pair of diner bandits intertwine.",
        "A thief who steals corporate secrets through dream-sharing is given the inverse task: planting an idea, \"inception\".",
        "An insomniac office worker and a devil-may-care soapmaker form an underground fight club that evolves into more.",
        "The presidencies of Kennedy and Johnson, the Vietnam War, Watergate, and other events unfold through one man's eyes.",
    };

    private ImdbShapedFile() {}

    /** The cells of row {@code i} (0-based), as they should read back. */
    public static String[] row(int i) {
        String[] cells = new String[16];
        cells[0] = "https://m.media-amazon.com/images/M/MV5B"
                + Integer.toString(i * 7919 + 104729, 36).toUpperCase(Locale.ROOT)
                + "NjEyYTk4NDctMGNlZi00ZGE3LTkwMzctY2QXkEyXkFqcGdeQXVyNjc1NTYyMjg@._V1_UX67_CR0,4,67,98_AL_.jpg";
        cells[1] = TITLES[i % TITLES.length] + " " + (i + 1);
        cells[2] = Integer.toString(1920 + i % 100);
        cells[3] = CERTIFICATES[i % CERTIFICATES.length];
        cells[4] = (80 + i % 120) + " min";
        cells[5] = GENRES[i % GENRES.length];
        cells[6] = String.format(Locale.ROOT, "%.1f", 7.6 + (i % 20) / 10.0);
        cells[7] = OVERVIEWS[i % OVERVIEWS.length];
        cells[8] = i % 7 == 0 ? "" : Integer.toString(60 + i % 40);
        cells[9] = "Director " + (i % 300);
        for (int s = 0; s < 4; s++) {
            cells[10 + s] = "Star Firstname " + ((i * 31 + s * 997) % 2000);
        }
        cells[14] = Integer.toString(25_000 + (i * 7_919) % 2_300_000);
        cells[15] = i % 11 == 0 ? "" : String.format(Locale.ROOT, "%,d", 1_000 + (long) i * 104_729 % 900_000_000);
        return cells;
    }

    /** Writes a header and {@code rows} rows as UTF-8 CSV with LF endings, quoting as Excel and pandas do. */
    public static void write(Path file, int rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(",", COLUMNS));
            out.write('\n');
            StringBuilder line = new StringBuilder(512);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                String[] cells = row(i);
                for (int c = 0; c < cells.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    quote(line, cells[c]);
                }
                line.append('\n');
                out.append(line);
            }
        }
    }

    static void quote(StringBuilder line, String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            line.append(cell);
            return;
        }
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}
