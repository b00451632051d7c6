package io.arbiter.offline;

import java.util.List;
import java.util.Set;

/** Prompts shaped like the app's genre templates, and short synopses written for these tests. */
final class DemoPrompts {

    static final String LABELS = String.join(", ", GenreLexicon.IMDB_GENRES);

    static final String BASE_SYSTEM =
            """
            You are a film catalogue assistant that classifies movies by genre.
            Choose the single genre that best fits the movie from this list: %s
            Reply with the genre name only."""
                    .formatted(LABELS);

    static final String JUDGE_SYSTEM =
            """
            You are an impartial judge checking the answer of another model.
            Reply with exactly one line in the format Prediction,Evaluation
            where Evaluation is either Correct or Incorrect. Example: Drama,Correct""";

    record Synopsis(String text, Set<String> genres) {}

    static final List<Synopsis> SYNOPSES = List.of(
            s(
                    "A detective hunts the gang behind a string of murders while the police chief covers for the mob.",
                    "Crime",
                    "Thriller"),
            s("Two thieves plan one last heist on a casino, but a crooked cop wants his share.", "Crime"),
            s(
                    "An astronaut stranded on a distant planet must repair her ship before the oxygen runs out.",
                    "Sci-Fi",
                    "Adventure"),
            s("In the future, a robot built to serve a space colony begins to question its makers.", "Sci-Fi", "Drama"),
            s("A weary sheriff and a young outlaw ride across the frontier to stop cattle rustlers.", "Western"),
            s("A rancher defends his homestead when a bounty hunter comes to town.", "Western", "Action"),
            s("A family moves into an old house that turns out to be haunted by a vengeful ghost.", "Horror"),
            s(
                    "Campers at a lake are stalked by a masked killer, and a demon waits in the woods.",
                    "Horror",
                    "Thriller"),
            s(
                    "Two strangers fall in love during a rainy week in Paris, and a wedding tests their hearts.",
                    "Romance",
                    "Drama"),
            s("A lonely baker falls for the florist next door, and their romance blooms.", "Romance", "Comedy"),
            s("A platoon of soldiers holds a bridge during the war as the enemy army advances.", "War", "Drama"),
            s("A navy pilot and his squadron fight a desperate battle against invasion.", "War", "Action"),
            s("A washed-up coach leads an underdog basketball team to the championship.", "Sport", "Drama"),
            s("A young boxer trains for the title match of his life.", "Sport", "Drama"),
            s(
                    "A band of rock musicians goes on a chaotic tour, and the singer loses his voice before the big concert.",
                    "Music",
                    "Comedy"),
            s("A jazz pianist records the album that will define her career.", "Music", "Biography"),
            s(
                    "A young wizard and a witch search the kingdom for a dragon that guards a magic sword.",
                    "Fantasy",
                    "Adventure"),
            s("A cursed prince must break an ancient spell before the enchanted realm falls.", "Fantasy"),
            s("Explorers follow a treasure map deep into the jungle to find a lost temple.", "Adventure", "Action"),
            s("A hapless groom and his eccentric friends stumble through a hilarious bachelor party.", "Comedy"),
            s(
                    "A bumbling office clerk is mistaken for a spy and laughs his way through one mishap after another.",
                    "Comedy",
                    "Action"),
            s(
                    "A grieving widow struggles to reconcile with her estranged daughter after her father's illness.",
                    "Drama"),
            s("A mother and son face poverty and addiction in a small mining village.", "Drama"),
            s(
                    "An elite commando fights through explosions and a hostage standoff to stop terrorists.",
                    "Action",
                    "Thriller"),
            s("A mercenary seeks revenge on the assassin who betrayed him.", "Action", "Crime"),
            s("A hacker uncovers a conspiracy and becomes a fugitive, hunted by a deadly agent.", "Thriller"),
            s(
                    "A journalist receives strange letters and investigates the disappearance of a missing heiress.",
                    "Mystery",
                    "Thriller"),
            s(
                    "The true story of a pioneering scientist and inventor whose life changed medicine.",
                    "Biography",
                    "History"),
            s(
                    "The emperor's dynasty crumbles as revolution sweeps through the nineteenth century empire.",
                    "History",
                    "Drama"),
            s("Kids and their talking dog spend a holiday summer at grandpa's farm.", "Family", "Comedy"),
            s("A dancer and a singer put on a Broadway show with dazzling musical numbers.", "Musical", "Romance"),
            s("An animated toy penguin and a mouse set out to find their way home.", "Animation", "Family"),
            // Plainer synopses with few telling words, as real catalogues have many of them.
            s("A retired teacher writes letters to a man she met once, forty years ago.", "Romance", "Drama"),
            s("Three old friends drive across the country to scatter their mentor's ashes.", "Comedy", "Drama"),
            s("A chef opens a tiny restaurant in a town that does not want her.", "Drama", "Comedy"),
            s("A small-town girl enters a baking contest to save her mother's bakery.", "Family", "Comedy"),
            s("An aging pianist and her former student reunite for one last summer by the sea.", "Drama", "Music"),
            s("A night watchman notices that the museum's paintings change when nobody looks.", "Mystery", "Fantasy"));

    private DemoPrompts() {}

    static String baseUser(String synopsis) {
        return "Movie description: " + synopsis;
    }

    static String judgeUser(String synopsis, String baseAnswer) {
        return "Movie description: " + synopsis + "\nAllowed genres: " + LABELS + "\nBase model answer: \"" + baseAnswer
                + "\"";
    }

    private static Synopsis s(String text, String... genres) {
        return new Synopsis(text, Set.of(genres));
    }
}
