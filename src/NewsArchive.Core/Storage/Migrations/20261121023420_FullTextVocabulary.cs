using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsArchive.Core.Storage.Migrations
{
    /// <summary>
    /// A read-only view of the full-text index's vocabulary: every indexed (stemmed) term with the number of articles
    /// holding it. Spelling suggestions and "related articles" read document frequencies from it; it stores nothing.
    /// </summary>
    public partial class FullTextVocabulary : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticlesFtsVocab USING fts5vocab(ArticlesFts, row);");

        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP TABLE ArticlesFtsVocab;");
    }
}
