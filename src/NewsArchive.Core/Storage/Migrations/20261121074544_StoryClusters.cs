using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsArchive.Core.Storage.Migrations
{
    /// <summary>
    /// Story clusters: each article's signature and cluster (ArticleSignatures), and the keys that find its candidates
    /// (SignatureBands). The keys' table is written by hand as WITHOUT ROWID, which EF Core cannot say: its primary key
    /// is the whole row, so it is one B-tree instead of a table and an index of the same rows.
    /// </summary>
    public partial class StoryClusters : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ArticleSignatures",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    TextHash = table.Column<long>(type: "INTEGER", nullable: false),
                    MinHash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Words = table.Column<int>(type: "INTEGER", nullable: false),
                    ClusterId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSignatures", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_ArticleSignatures_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                CREATE TABLE SignatureBands (
                    Key INTEGER NOT NULL,
                    ArticleId INTEGER NOT NULL,
                    CONSTRAINT PK_SignatureBands PRIMARY KEY (Key, ArticleId)
                ) WITHOUT ROWID;
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSignatures_ClusterId",
                table: "ArticleSignatures",
                column: "ClusterId",
                filter: "ClusterId IS NOT NULL");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleSignatures");

            migrationBuilder.DropTable(
                name: "SignatureBands");
        }
    }
}
