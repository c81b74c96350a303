namespace NewsArchive.Tests.Ingestion;

/// <summary>People, places and organisations written by ingestion into a real SQLite file, in step with the folder.</summary>
public sealed class EntityIngestionTests
{
    private const string Seed002 = "002_d0c6aed771c1a732.txt";

    [Fact]
    public async Task Ingestion_stores_the_entities_of_every_article_once_each_with_unique_slugs()
    {
        using var archive = TempArchive.WithSeeds();

        await archive.IngestAsync();

        archive.AssertEntitiesMatchFiles();
        archive.AssertConsistent();
        // Spelled "Nuri al-Maliki" in one seed and "Nouri al-Maliki" in another: one person, named by both.
        Assert.Equal(["1|Nouri al-Maliki|nouri-al-maliki"], archive.Column("SELECT Kind || '|' || Name || '|' || Slug FROM Entities WHERE Name LIKE '%Maliki'"));
        Assert.Equal(2, archive.Scalar<long>("SELECT count(*) FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId WHERE e.Slug = 'nouri-al-maliki'"));
        Assert.Equal(5, archive.Scalar<long>("SELECT count(*) FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId WHERE e.Name = 'Islamic State'"));
        Assert.Equal(archive.Scalar<long>("SELECT count(*) FROM Entities"), archive.Scalar<long>("SELECT count(DISTINCT Slug) FROM Entities"));
    }

    [Theory]
    [InlineData("a.txt", "b.txt")]
    [InlineData("b.txt", "a.txt")]
    public async Task A_name_written_in_another_case_is_the_same_entity_named_by_its_lower_case_spelling_and_a_name_of_two_kinds_gets_two_slugs(string lowerCaseFile, string capitalisedFile)
    {
        using var archive = new TempArchive();
        archive.Write(lowerCaseFile, "Talks in Jordan\n\nDelegates met Sadun Farhan al-Dulaymi in Jordan on Monday.");
        archive.Write(capitalisedFile, "Minister speaks\n\nSadun Farhan Al-Dulaymi told reporters that Vernon Jordan had called.");

        await archive.IngestAsync();

        Assert.Equal(["1|Sadun Farhan al-Dulaymi|2"], archive.Column(
            "SELECT e.Kind || '|' || e.Name || '|' || count(*) FROM Entities e JOIN ArticleEntities m ON m.EntityId = e.Id WHERE e.Name LIKE '%Dulaymi' GROUP BY e.Id"));
        Assert.Equal(["jordan", "sadun-farhan-al-dulaymi", "vernon-jordan"], archive.Column("SELECT Slug FROM Entities ORDER BY Slug"));
        archive.AssertEntitiesMatchFiles();
    }

    [Fact]
    public async Task An_updated_article_replaces_its_entities_and_one_no_article_names_any_more_goes()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        Assert.Equal(1, archive.Scalar<long>("SELECT count(*) FROM Entities WHERE Name = 'Esmayeel Qa''ani'"));
        archive.Write(Seed002, "Water talks\n\nEngineers from Basra met Leila Nazari, the head of the Karun Water Authority, in Ahvaz.");

        var report = await archive.IngestAsync();

        Assert.Equal(1, report.Updated);
        Assert.Equal(0, archive.Scalar<long>("SELECT count(*) FROM Entities WHERE Name = 'Esmayeel Qa''ani'"));
        Assert.Equal(
            ["Ahvaz", "Basra", "Karun Water Authority", "Leila Nazari"],
            archive.Column($"SELECT e.Name FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId JOIN Articles a ON a.Id = m.ArticleId WHERE a.RelativePath = '{Seed002}' ORDER BY 1"));
        archive.AssertEntitiesMatchFiles();
        archive.AssertConsistent();
    }

    [Fact]
    public async Task A_deleted_article_takes_its_rows_and_the_entities_only_it_named()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        File.Delete(Path.Combine(archive.Corpus, Seed002));

        await archive.IngestAsync();

        Assert.Equal(0, archive.Scalar<long>("SELECT count(*) FROM ArticleEntities WHERE ArticleId NOT IN (SELECT Id FROM Articles)"));
        Assert.Empty(archive.Column("SELECT Name FROM Entities WHERE Name IN ('Qassem Soleimani', 'Jurf al-Sakher')"));
        Assert.Equal(["Nouri al-Maliki"], archive.Column("SELECT Name FROM Entities WHERE Name = 'Nouri al-Maliki'"));
        archive.AssertEntitiesMatchFiles();
        archive.AssertConsistent();
    }

    [Fact]
    public async Task A_second_run_over_an_unchanged_folder_leaves_the_entities_alone()
    {
        using var archive = TempArchive.WithSeeds();
        await archive.IngestAsync();
        var before = archive.Column("SELECT e.Id || e.Slug || m.ArticleId || m.Mentions FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId ORDER BY 1");

        await archive.IngestAsync();

        Assert.Equal(before, archive.Column("SELECT e.Id || e.Slug || m.ArticleId || m.Mentions FROM ArticleEntities m JOIN Entities e ON e.Id = m.EntityId ORDER BY 1"));
    }
}
