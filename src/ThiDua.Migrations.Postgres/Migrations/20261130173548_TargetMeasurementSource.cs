using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TargetMeasurementSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "SourceDate",
                table: "TargetMeasurements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceUrl",
                table: "TargetMeasurements",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SourceDate",
                table: "TargetMeasurements");

            migrationBuilder.DropColumn(
                name: "SourceUrl",
                table: "TargetMeasurements");
        }
    }
}
