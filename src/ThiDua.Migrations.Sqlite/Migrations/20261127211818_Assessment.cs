using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThiDua.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FileBlobs",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileBlobs", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "Files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Frameworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScaleMax = table.Column<double>(type: "REAL", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Supersedes = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Frameworks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AppraisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppraisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ReturnMessage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ResultPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrameworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultPublications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultPublications_Frameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "Frameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentEvents_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SelfValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SelfRaw = table.Column<double>(type: "REAL", nullable: true),
                    SelfPoints = table.Column<double>(type: "REAL", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UnitResponse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AppraisedValue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppraisedRaw = table.Column<double>(type: "REAL", nullable: true),
                    AppraisedPoints = table.Column<double>(type: "REAL", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AppraisalReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReturnMessage = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentValues_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentEvidence",
                columns: table => new
                {
                    AssessmentValueId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentEvidence", x => new { x.AssessmentValueId, x.FileId });
                    table.ForeignKey(
                        name: "FK_AssessmentEvidence_AssessmentValues_AssessmentValueId",
                        column: x => x.AssessmentValueId,
                        principalTable: "AssessmentValues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentEvidence_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentEvents_AssessmentId",
                table: "AssessmentEvents",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentEvidence_FileId",
                table: "AssessmentEvidence",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_FrameworkId_UnitId",
                table: "Assessments",
                columns: new[] { "FrameworkId", "UnitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_UnitId",
                table: "Assessments",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentValues_AssessmentId_IndicatorCode",
                table: "AssessmentValues",
                columns: new[] { "AssessmentId", "IndicatorCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Files_Sha256",
                table: "Files",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Frameworks_Code",
                table: "Frameworks",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Frameworks_Year_UnitType",
                table: "Frameworks",
                columns: new[] { "Year", "UnitType" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultPublications_FrameworkId_PublishedAt",
                table: "ResultPublications",
                columns: new[] { "FrameworkId", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentEvents");

            migrationBuilder.DropTable(
                name: "AssessmentEvidence");

            migrationBuilder.DropTable(
                name: "FileBlobs");

            migrationBuilder.DropTable(
                name: "ResultPublications");

            migrationBuilder.DropTable(
                name: "AssessmentValues");

            migrationBuilder.DropTable(
                name: "Files");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Frameworks");
        }
    }
}
