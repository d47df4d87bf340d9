using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResultsComputedOnce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HeaderJson",
                table: "ResultPublications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CohortComputations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    InputsKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortComputations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredCohorts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    InputsKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HeaderJson = table.Column<string>(type: "TEXT", nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredCohorts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CohortId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: false),
                    Score100 = table.Column<double>(type: "REAL", nullable: false),
                    Band = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Clusters = table.Column<string>(type: "TEXT", nullable: false),
                    ItemJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExplainJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultRows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultRows_ResultPublications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "ResultPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultRows_StoredCohorts_CohortId",
                        column: x => x.CohortId,
                        principalTable: "StoredCohorts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CohortComputations_FrameworkId_InputsKey",
                table: "CohortComputations",
                columns: new[] { "FrameworkId", "InputsKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResultRows_CohortId_Position",
                table: "ResultRows",
                columns: new[] { "CohortId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultRows_PublicationId_Position",
                table: "ResultRows",
                columns: new[] { "PublicationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultRows_UnitCode_Year",
                table: "ResultRows",
                columns: new[] { "UnitCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultRows_UnitId_Year",
                table: "ResultRows",
                columns: new[] { "UnitId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_StoredCohorts_FrameworkId",
                table: "StoredCohorts",
                column: "FrameworkId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CohortComputations");

            migrationBuilder.DropTable(
                name: "ResultRows");

            migrationBuilder.DropTable(
                name: "StoredCohorts");

            migrationBuilder.DropColumn(
                name: "HeaderJson",
                table: "ResultPublications");
        }
    }
}
