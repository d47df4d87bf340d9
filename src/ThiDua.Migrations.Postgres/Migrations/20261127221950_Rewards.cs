using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Rewards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CouncilSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    QuorumFraction = table.Column<double>(type: "double precision", nullable: false),
                    PassFraction = table.Column<double>(type: "double precision", nullable: false),
                    PassOfMembers = table.Column<bool>(type: "boolean", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ResultJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IssuingBody = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    NoticeWaiverReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    DocxDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Holidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Holidays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "BallotReceipts",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotReceipts", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_BallotReceipts_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotTallies",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Yes = table.Column<int>(type: "integer", nullable: false),
                    No = table.Column<int>(type: "integer", nullable: false),
                    Abstain = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotTallies", x => new { x.SessionId, x.NominationId });
                    table.ForeignKey(
                        name: "FK_BallotTallies_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilSessionMember",
                columns: table => new
                {
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilSessionMember", x => new { x.SessionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CouncilSessionMember_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CouncilSessionMember_CouncilSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    Round = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NomineeKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NomineeUnitId = table.Column<int>(type: "integer", nullable: true),
                    ProposingUnitId = table.Column<int>(type: "integer", nullable: false),
                    PersonFullName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonPosition = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonOrganization = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PersonGender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Award = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Achievements = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CouncilSessionId = table.Column<int>(type: "integer", nullable: true),
                    NoticeStart = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionId = table.Column<int>(type: "integer", nullable: true),
                    RejectionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_CouncilSessions_CouncilSessionId",
                        column: x => x.CouncilSessionId,
                        principalTable: "CouncilSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Units_NomineeUnitId",
                        column: x => x.NomineeUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Nominations_Units_ProposingUnitId",
                        column: x => x.ProposingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NominationCriteria",
                columns: table => new
                {
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Mandatory = table.Column<bool>(type: "boolean", nullable: false),
                    Checked = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CheckedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationCriteria", x => new { x.NominationId, x.Code });
                    table.ForeignKey(
                        name: "FK_NominationCriteria_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationDocuments_Files_FileId",
                        column: x => x.FileId,
                        principalTable: "Files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_NominationDocuments_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationSteps_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Contact = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReadBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicComments_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Rewards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DecisionId = table.Column<int>(type: "integer", nullable: false),
                    NominationId = table.Column<int>(type: "integer", nullable: false),
                    Award = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Round = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    NomineeKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    PersonFullName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonPosition = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonOrganization = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonBirthDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PersonGender = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Achievements = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SearchName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rewards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rewards_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rewards_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Rewards_Units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSessionMember_UserId",
                table: "CouncilSessionMember",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_IssuingBody_Year_Sequence",
                table: "Decisions",
                columns: new[] { "IssuingBody", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NominationDocuments_FileId",
                table: "NominationDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_NominationDocuments_NominationId_Kind_VersionNumber",
                table: "NominationDocuments",
                columns: new[] { "NominationId", "Kind", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_CouncilSessionId",
                table: "Nominations",
                column: "CouncilSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_DecisionId",
                table: "Nominations",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_MovementId",
                table: "Nominations",
                column: "MovementId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NomineeUnitId",
                table: "Nominations",
                column: "NomineeUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ProposingUnitId",
                table: "Nominations",
                column: "ProposingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Status_Award",
                table: "Nominations",
                columns: new[] { "Status", "Award" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationSteps_NominationId",
                table: "NominationSteps",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicComments_NominationId",
                table: "PublicComments",
                column: "NominationId");

            migrationBuilder.CreateIndex(
                name: "IX_Rewards_DecisionId",
                table: "Rewards",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Rewards_NominationId",
                table: "Rewards",
                column: "NominationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rewards_SearchName",
                table: "Rewards",
                column: "SearchName");

            migrationBuilder.CreateIndex(
                name: "IX_Rewards_UnitId",
                table: "Rewards",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Rewards_Year_Award",
                table: "Rewards",
                columns: new[] { "Year", "Award" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotReceipts");

            migrationBuilder.DropTable(
                name: "BallotTallies");

            migrationBuilder.DropTable(
                name: "CouncilSessionMember");

            migrationBuilder.DropTable(
                name: "Holidays");

            migrationBuilder.DropTable(
                name: "NominationCriteria");

            migrationBuilder.DropTable(
                name: "NominationDocuments");

            migrationBuilder.DropTable(
                name: "NominationSteps");

            migrationBuilder.DropTable(
                name: "PublicComments");

            migrationBuilder.DropTable(
                name: "Rewards");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "CouncilSessions");

            migrationBuilder.DropTable(
                name: "Decisions");
        }
    }
}
