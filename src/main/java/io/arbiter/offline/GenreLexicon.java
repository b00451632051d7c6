package io.arbiter.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written keyword stems per movie genre, most telling first. The base model reads only the first half
 * of each list, which is what makes it the weaker of the two demo models.
 */
final class GenreLexicon {

    /** The 21 IMDb genres, used when a prompt names no label list of its own. */
    static final List<String> IMDB_GENRES = List.of("Action", "Adventure", "Animation", "Biography", "Comedy",
            "Crime", "Drama", "Family", "Fantasy", "Film-Noir", "History", "Horror", "Music", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Sport", "Thriller", "War", "Western");

    private static final Map<String, List<String>> FULL = new LinkedHashMap<>();

    static {
        stems("Action", "fight", "explosi", "chase", "assassin", "mercenar", "commando", "martial", "gunfight",
                "shootout", "bomb", "terroris", "hostage", "bodyguard", "vengeance", "revenge", "combat", "squad",
                "elite", "weapon", "brawl", "rampage", "ambush", "showdown", "karate", "armed", "action");
        stems("Adventure", "quest", "treasure", "expedition", "journey", "explor", "jungle", "island", "voyage",
                "pirate", "map", "legend", "ancient", "temple", "sail", "trek", "wilderness", "mountain",
                "adventur", "discover", "uncharted", "raft", "cave", "lost", "across");
        stems("Animation", "animat", "cartoon", "talking", "toy", "bunny", "penguin", "mouse", "critter",
                "squirrel", "raccoon", "fox", "owl", "hedgehog", "bear", "snowman", "pixie");
        stems("Biography", "biograph", "true", "memoir", "inventor", "scientist", "painter", "composer",
                "activist", "pioneer", "founder", "renowned", "famed", "legendary", "celebrated", "career",
                "president", "icon", "chronicl", "life");
        stems("Comedy", "comed", "comic", "hilari", "funny", "laugh", "prank", "misadventur", "bumbl", "wacky",
                "awkward", "slacker", "mishap", "chaos", "chaotic", "zany", "goofy", "joke", "impersonat",
                "disguise", "roommate", "bachelor", "party", "eccentric", "clumsy", "hapless", "inept", "absurd",
                "ridiculous", "misfit", "pretend", "fake");
        stems("Crime", "murder", "detective", "gang", "heist", "mob", "mobster", "police", "cop", "robber",
                "thief", "steal", "stolen", "drug", "cartel", "launder", "kill", "crime", "criminal", "syndicate",
                "mafia", "con", "smuggl", "prison", "convict", "blackmail", "fraud", "corrupt", "homicide", "ransom");
        stems("Drama", "grief", "struggl", "relationship", "marriage", "divorce", "mother", "father", "daughter",
                "son", "brother", "sister", "illness", "cancer", "widow", "loss", "reconcil", "estranged", "family",
                "village", "teenage", "poverty", "addict", "faith", "dying", "tragedy", "betray", "confront", "drama");
        stems("Family", "kid", "children", "child", "dog", "puppy", "pet", "holiday", "christmas", "grandm",
                "grandfather", "grandpa", "summer", "camp", "magical", "friendship", "siblings", "family", "boy",
                "girl", "farm", "animal", "horse", "school");
        stems("Fantasy", "magic", "wizard", "witch", "sorcer", "dragon", "spell", "enchant", "kingdom", "curse",
                "myth", "fantas", "elf", "elves", "fairy", "realm", "prophecy", "sword", "potion", "king", "queen", "prince",
                "princess", "immortal", "god", "portal", "troll", "giant", "legend");
        stems("Film-Noir", "noir", "femme", "fatale", "gumshoe", "seduct", "alibi", "framed", "dame", "nightclub",
                "crooked", "cynical", "insurance", "postwar", "shadow", "smoky", "private", "1940s");
        stems("History", "histor", "century", "empire", "revolution", "dynasty", "medieval", "roman=", "emperor",
                "throne", "colonial", "civil", "rebellion", "crown", "monarch", "conquest", "plague", "pharaoh",
                "viking", "samurai", "tudor", "victorian", "ancient", "king", "queen");
        stems("Horror", "haunt", "ghost", "demon", "possess", "horror", "zombie", "vampire", "werewolf", "monster",
                "slasher", "evil", "curse", "creature", "blood", "killer", "nightmare", "sinister", "exorcis",
                "supernatural", "undead", "creepy", "occult", "ritual", "cabin", "asylum", "spirit", "eerie",
                "dread", "sacrific", "terror", "scream", "fear", "terrif", "corpse", "mutilat");
        stems("Music", "music", "band", "singer", "song", "concert", "tour", "guitar", "piano", "rock", "jazz",
                "album", "record", "orchestra", "rapper", "drummer", "gig", "violin", "festival", "composer",
                "audition", "choir", "melod");
        stems("Musical", "musical", "sing", "dance", "dancer", "broadway", "stage", "show", "song", "chorus",
                "ballet", "tap", "theater", "theatre", "perform", "cabaret", "vaudeville", "audition");
        stems("Mystery", "myster", "clue", "disappear", "vanish", "missing", "puzzle", "riddle", "uncover",
                "sleuth", "whodunit", "investigat", "secret", "unexplained", "strange", "hidden", "truth",
                "suspect", "inheritance", "letters", "diary", "enigma", "reveal");
        stems("Romance", "love", "romance", "romantic", "heart", "wedding", "bride", "groom", "couple", "lover",
                "passion", "affair", "dating", "kiss", "soulmate", "crush", "engaged", "marry", "flirt",
                "chemistry", "longing", "courtship", "sweetheart", "infatuat", "fall");
        stems("Sci-Fi", "space", "planet", "alien", "robot", "futur", "ship", "galaxy", "orbit", "astronaut",
                "android", "cyborg", "clone", "dystopia", "colony", "mars", "moon", "station", "artificial",
                "virtual", "simulation", "quantum", "laser", "starship", "interstellar", "genetic", "technolog",
                "experiment", "scientist", "time", "earth", "galactic", "teleport", "mutant", "signal");
        stems("Sport", "sport", "team", "coach", "champion", "tournament", "boxing", "boxer", "football",
                "basketball", "baseball", "soccer", "hockey", "race", "racing", "athlete", "olympic", "season",
                "league", "player", "game", "match", "training", "underdog", "wrestl", "fighter",
                "marathon", "swim", "skat");
        stems("Thriller", "thriller", "conspiracy", "stalk", "suspense", "paranoi", "threat", "danger", "deadly",
                "trap", "hunted", "pursu", "fugitive", "spy", "espionage", "witness", "kidnap", "abduct", "obsess",
                "psycho", "hacker", "silence", "desperate", "agent", "plot", "sabotage", "ticking", "surviv");
        stems("War", "war", "soldier", "battle", "army", "platoon", "troops", "trench", "regiment", "battalion",
                "invasion", "nazi", "wwii", "military", "sergeant", "enemy", "occupied", "resistance", "bomber",
                "pilot", "submarine", "navy", "marine", "siege", "veteran", "prisoner", "allied", "infantry",
                "front=", "general");
        stems("Western", "frontier", "outlaw", "sheriff", "ranch", "cattle", "cowboy", "gunslinger", "saloon",
                "marshal", "bandit", "railroad", "stagecoach", "posse", "homestead", "prairie", "bounty", "duel",
                "rustler", "territory", "settler", "desert", "horse", "mining", "gold", "wagon", "drifter",
                "apache", "comanche", "texas", "gunfighter", "revolver", "western=");
    }

    private final Map<String, List<String>> byLabel;
    private final Map<String, StemMatcher> matchers = new java.util.concurrent.ConcurrentHashMap<>();

    private GenreLexicon(Map<String, List<String>> byLabel) {
        this.byLabel = byLabel;
    }

    /** Whether the word hits one of the label's stems; the same rule as {@link #matches}, precompiled per label. */
    boolean hits(String label, String word) {
        return matchers.computeIfAbsent(label, l -> new StemMatcher(stemsFor(l))).matches(word);
    }

    static GenreLexicon full() {
        return new GenreLexicon(FULL);
    }

    static GenreLexicon weak() {
        Map<String, List<String>> half = new LinkedHashMap<>();
        FULL.forEach((label, stems) -> half.put(label, stems.subList(0, (stems.size() + 1) / 2)));
        return new GenreLexicon(half);
    }

    /** Stems for a label; a label outside the lexicon (say "Positive") is recognised by the words of its name. */
    List<String> stemsFor(String label) {
        for (var entry : byLabel.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(label)) {
                return entry.getValue();
            }
        }
        return DemoText.words(label).stream().filter(word -> word.length() >= 3).toList();
    }

    /**
     * Stems of five letters or more match as prefixes; shorter ones, and any stem ending in "=", must match the
     * whole word or take a common ending, so "war" does not fire on "warm" nor "roman" on "romance".
     */
    static boolean matches(String word, String stem) {
        boolean exact = stem.endsWith("=");
        if (exact) {
            stem = stem.substring(0, stem.length() - 1);
        } else if (stem.length() >= 5) {
            return word.startsWith(stem);
        }
        if (!word.startsWith(stem)) {
            return false;
        }
        String ending = word.substring(stem.length());
        return List.of("", "s", "es", "ed", "er", "ers", "ing", "ies").contains(ending);
    }

    private static void stems(String label, String... stems) {
        FULL.put(label, List.of(stems));
    }
}
