using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DerivedPointsAndSearchColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AppraisedPoints",
                table: "AssessmentValues");

            migrationBuilder.DropColumn(
                name: "SelfPoints",
                table: "AssessmentValues");

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "Units",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SearchOrganization",
                table: "Rewards",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Units_SearchName",
                table: "Units",
                column: "SearchName");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Units_SearchName",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "SearchOrganization",
                table: "Rewards");

            migrationBuilder.AddColumn<double>(
                name: "AppraisedPoints",
                table: "AssessmentValues",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SelfPoints",
                table: "AssessmentValues",
                type: "REAL",
                nullable: true);
        }
    }
}
