using NewsArchive.Core.Entities;

namespace NewsArchive.Tests.Entities;

/// <summary>
/// The extraction rules as a table of cases, each a text and every entity it must give (kind, name, mentions when more
/// than one), nothing more. The names are not those of the seeds: the rules must hold for people, places and
/// organisations they were not written from.
/// </summary>
public sealed class EntityExtractorTests
{
    public static TheoryData<string, string> Cases => new()
    {
        // A title introduces a person; nationalities and weekdays are no entities.
        { "Turkish Foreign Minister Mevlut Cavusoglu met his counterpart in Ankara on Tuesday.", "Person Mevlut Cavusoglu; Place Ankara" },
        // Titles in a chain, with "of" a known organisation between them.
        { "Commander of the Badr Organization Major General Hadi al-Amiri visited the front.", "Organisation Badr Organization; Person Hadi al-Amiri" },
        { "Iranian Ambassador to Beirut Mohammad Fathali said the talks went well.", "Place Beirut; Person Mohammad Fathali" },
        { "The statement quoted former prime minister Ehud Olmert at length.", "Person Ehud Olmert" },
        { "Mr. Lamont told the meeting that rates would stay low.", "Person Lamont" },
        { "Economist Jane Okafor expects growth to slow, and analyst Pedro Salas agrees.", "Person Jane Okafor; Person Pedro Salas" },
        // A name by its form alone; its surname later counts as the same person.
        { "Yasmin Haddad, a resident, said the shelling went on all night. Haddad fled north at dawn.", "Person Yasmin Haddad ×2" },
        // Alias folding: the gazetteer's names and the search's alias list.
        { "Hizbullah fighters crossed the border; Hezbollah denied it.", "Organisation Hezbollah ×2" },
        { "Daesh claimed the attack. ISIS later posted a video, and the Islamic State group named the bomber.", "Organisation Islamic State ×3" },
        { "Supporters of Moqtada al-Sadr marched in Najaf. Muqtada al-Sadr did not attend.", "Person Muqtada al-Sadr ×2; Place Najaf" },
        // Organisations by their last word, with "of", "for" and "and" inside; legal forms left out.
        { "The Anbar Salvation Council and the Syrian Network for Human Rights (SNHR) disagreed. SNHR published a list.", "Organisation Anbar Salvation Council; Organisation Syrian Network for Human Rights ×2" },
        { "Hamilton Beach Brands Inc and Dover Tire and Rubber Co reported results.", "Organisation Hamilton Beach Brands; Organisation Dover Tire and Rubber" },
        { "Hamas and al-Shabaab Media Group were listed.", "Organisation Hamas; Organisation al-Shabaab Media Group" },
        // Generic names of bodies every country has are left out.
        { "The Foreign Ministry said the Interior Ministry had not been told.", "" },
        // Places by their words and neighbours.
        { "Fighting reached the town of Tal Abyad and villages in Hasakah province, and shells fell in Qaraqosh.", "Place Tal Abyad; Place Hasakah; Place Qaraqosh" },
        { "Worshippers gathered at the Al-Aqsa Mosque and near the Umayyad Square.", "Place Al-Aqsa Mosque; Place Umayyad Square" },
        // An ordinary word opening a sentence is no name; a name after it is.
        { "Speaking in Cairo, Nabil Fahmy said the crossing would reopen.", "Place Cairo; Person Nabil Fahmy" },
        { "Lebanese and Jordanian officials met on Monday, March 3.", "" },
        // The archive's outlets are no entities, wherever they are named.
        { "A spokesman told Reuters and the Associated Press that Kabul was calm.", "Place Kabul" },
        // Possessives and hyphens.
        { "Egypt's President Abdel Fattah el-Sisi backed the Saudi-led coalition against the Houthis.", "Place Egypt; Person Abdel Fattah el-Sisi; Organisation Houthis" },
        { "The Iran-Iraq border and anti-Taliban forces were discussed.", "Place Iran; Place Iraq; Organisation Taliban" },
        // Case: "us" is never the United States, an acronym must be written as one.
        { "Let us see what US officials say about Nato and the un report.", "Place United States; Organisation NATO" },
        { "Texaco Inc. and Pennzoil Co settled the case.", "Organisation Texaco; Organisation Pennzoil" },
        // A known place may close a first name; a known person is found by surname alone.
        { "Vernon Jordan said President Gorbachev had called.", "Person Vernon Jordan; Person Mikhail Gorbachev" },
        // Text in capitals has no capitals to read.
        { "IRAQ SAYS BAGHDAD CALM AFTER TALKS WITH SYRIA", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_entities_of_a_text_and_nothing_else(string text, string expected) =>
        Assert.Equal(Parse(expected), Describe(EntityExtractor.Shipped.Extract("", [text])));

    [Fact]
    public void A_headline_adds_mentions_of_known_names_and_names_of_the_text_only()
    {
        var found = EntityExtractor.Shipped.Extract(
            "Sanctions Hit Tehran Markets As Farid Mansouri Quits",
            ["Farid Mansouri, who ran the exchange for a decade, resigned on Sunday."]);

        Assert.Equal(Parse("Person Farid Mansouri ×2; Place Tehran"), Describe(found));
    }

    [Fact]
    public void A_title_case_run_the_text_never_gives_is_no_name() =>
        Assert.Empty(EntityExtractor.Shipped.Extract("Growth Slows Sharply In Second Quarter", ["Output fell."]));

    [Fact]
    public void The_article_outlet_is_left_out_even_when_no_list_knows_it()
    {
        var found = EntityExtractor.Shipped.Extract("", ["The Harbour Gazette learned that Nicosia objected."], outlet: "Harbour Gazette");

        Assert.Equal(Parse("Place Nicosia"), Describe(found));
    }

    [Fact]
    public void Keeps_the_most_mentioned_entities_of_a_long_article()
    {
        var places = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "entities", "places.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.Contains(','))
            .Take(EntityExtractor.MaxPerArticle + 10)
            .ToList();
        var text = "Officials visited " + string.Join(", ", places) + ". They returned to " + places[^1] + ".";

        var found = EntityExtractor.Shipped.Extract("", [text]);

        Assert.Equal(EntityExtractor.MaxPerArticle, found.Count);
        Assert.Equal((places[^1], 2), (found[0].Name, found[0].Mentions));
    }

    private static List<string> Describe(IEnumerable<FoundEntity> found) =>
        [.. found.Select(e => $"{e.Kind} {e.Name}{(e.Mentions > 1 ? $" ×{e.Mentions}" : "")}").Order(StringComparer.Ordinal)];

    private static List<string> Parse(string expected) =>
        [.. expected.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}
