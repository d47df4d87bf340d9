using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CohortComputations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    InputsKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Instance = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CohortComputations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredCohorts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    InputsKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HeaderJson = table.Column<string>(type: "text", nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredCohorts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ResultRows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CohortId = table.Column<int>(type: "integer", nullable: true),
                    PublicationId = table.Column<int>(type: "integer", nullable: true),
                    FrameworkId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: false),
                    Score100 = table.Column<double>(type: "double precision", nullable: false),
                    Band = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Clusters = table.Column<string>(type: "text", nullable: false),
                    ItemJson = table.Column<string>(type: "text", nullable: false),
                    ExplainJson = table.Column<string>(type: "text", nullable: true)
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
