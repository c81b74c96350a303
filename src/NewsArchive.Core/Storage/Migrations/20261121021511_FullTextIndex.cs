using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsArchive.Core.Storage.Migrations
{
    /// <summary>
    /// The full-text index: an external-content FTS5 table over Articles (title, summary, body) with English
    /// stemming and diacritics folded, kept in step by triggers. Deletes use FTS5's documented 'delete' command,
    /// which needs the old values, so an article and its index entry always change in the same transaction.
    /// </summary>
    public partial class FullTextIndex : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ArticlesFts USING fts5(
                    Title, Summary, Body,
                    content='Articles', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Articles_AfterInsert AFTER INSERT ON Articles BEGIN
                    INSERT INTO ArticlesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Articles_AfterDelete AFTER DELETE ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Articles_AfterUpdate AFTER UPDATE OF Title, Summary, Body ON Articles BEGIN
                    INSERT INTO ArticlesFts(ArticlesFts, rowid, Title, Summary, Body) VALUES ('delete', old.Id, old.Title, old.Summary, old.Body);
                    INSERT INTO ArticlesFts(rowid, Title, Summary, Body) VALUES (new.Id, new.Title, new.Summary, new.Body);
                END;
                """);
            // Index whatever the table already holds (nothing on a new database).
            migrationBuilder.Sql("INSERT INTO ArticlesFts(ArticlesFts) VALUES ('rebuild');");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Articles_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER Articles_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER Articles_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE ArticlesFts;");
        }
    }
}
