using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsArchive.Core.Storage.Migrations
{
    /// <summary>
    /// The people, places and organisations articles name (Entities), and which article names which how often
    /// (ArticleEntities), written by ingestion in the article's own transaction. A deleted article takes its rows along.
    /// </summary>
    public partial class Entities : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Entities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false, collation: "NOCASE"),
                    Slug = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Entities", x => x.Id);
                });

            // WITHOUT ROWID: the rows are the primary key's own b-tree, about a third of the space of a rowid table
            // with its key index, at some fifteen rows per article. EF Core cannot say so; the model is the same.
            migrationBuilder.Sql("""
                CREATE TABLE "ArticleEntities" (
                    "ArticleId" INTEGER NOT NULL,
                    "EntityId" INTEGER NOT NULL,
                    "Mentions" INTEGER NOT NULL,
                    CONSTRAINT "PK_ArticleEntities" PRIMARY KEY ("ArticleId", "EntityId"),
                    CONSTRAINT "FK_ArticleEntities_Articles_ArticleId" FOREIGN KEY ("ArticleId") REFERENCES "Articles" ("Id") ON DELETE CASCADE,
                    CONSTRAINT "FK_ArticleEntities_Entities_EntityId" FOREIGN KEY ("EntityId") REFERENCES "Entities" ("Id") ON DELETE RESTRICT
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleEntities_EntityId",
                table: "ArticleEntities",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Kind_Name",
                table: "Entities",
                columns: new[] { "Kind", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Entities_Slug",
                table: "Entities",
                column: "Slug",
                unique: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleEntities");

            migrationBuilder.DropTable(
                name: "Entities");
        }
    }
}
