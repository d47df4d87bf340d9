using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThiDua.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RulesInForce : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.AddColumn<string>(
                name: "Abbreviation",
                table: "Units",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "KeepsRegisterInThiDua",
                table: "Units",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<decimal>(
                name: "MoneyAmount",
                table: "Rewards",
                type: "numeric(18,0)",
                precision: 18,
                scale: 0,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MoneyCoefficient",
                table: "Rewards",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReviewRoundId",
                table: "Nominations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StateProposalId",
                table: "Nominations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportDeadlineRule",
                table: "Movements",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<int>(
                name: "Sequence",
                table: "Decisions",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AddColumn<bool>(
                name: "Central",
                table: "Decisions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Issuer",
                table: "Decisions",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "IssuingUnitId",
                table: "Decisions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CouncilId",
                table: "CouncilSessions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BaseSalaries",
                columns: table => new
                {
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(18,0)", precision: 18, scale: 0, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseSalaries", x => x.ValidFrom);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Rule = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "Councils",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    IssuingUnitId = table.Column<int>(type: "integer", nullable: false),
                    EstablishedByNumber = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EstablishedByDate = table.Column<DateOnly>(type: "date", nullable: false),
                    TermFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    TermTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Councils", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Councils_Units_IssuingUnitId",
                        column: x => x.IssuingUnitId,
                        principalTable: "Units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MovementId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DtiYears = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TaskPhaseCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewRounds_Movements_MovementId",
                        column: x => x.MovementId,
                        principalTable: "Movements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RewardRules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Award = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RequiresCouncil = table.Column<bool>(type: "boolean", nullable: false),
                    NoticeWhen = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NoticeWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    QuorumFraction = table.Column<double>(type: "double precision", nullable: false),
                    PassFraction = table.Column<double>(type: "double precision", nullable: false),
                    PassOfMembers = table.Column<bool>(type: "boolean", nullable: false),
                    RequiredDocumentsJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CriteriaJson = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StepTimeLimitsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    PersonCoefficient = table.Column<double>(type: "double precision", nullable: true),
                    CollectiveCoefficient = table.Column<double>(type: "double precision", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RewardRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StateProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SignerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SignerTitle = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CouncilMembers",
                columns: table => new
                {
                    CouncilId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilMembers", x => new { x.CouncilId, x.UserId });
                    table.ForeignKey(
                        name: "FK_CouncilMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CouncilMembers_Councils_CouncilId",
                        column: x => x.CouncilId,
                        principalTable: "Councils",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ReviewRoundId",
                table: "Nominations",
                column: "ReviewRoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_StateProposalId",
                table: "Nominations",
                column: "StateProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_IssuingUnitId",
                table: "Decisions",
                column: "IssuingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilSessions_CouncilId",
                table: "CouncilSessions",
                column: "CouncilId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilMembers_UserId",
                table: "CouncilMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Councils_Code",
                table: "Councils",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Councils_IssuingUnitId",
                table: "Councils",
                column: "IssuingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_MovementId_Code",
                table: "ReviewRounds",
                columns: new[] { "MovementId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewRounds_MovementId_Kind_Year",
                table: "ReviewRounds",
                columns: new[] { "MovementId", "Kind", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RewardRules_Award_ValidFrom",
                table: "RewardRules",
                columns: new[] { "Award", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StateProposals_Year_Sequence",
                table: "StateProposals",
                columns: new[] { "Year", "Sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CouncilSessions_Councils_CouncilId",
                table: "CouncilSessions",
                column: "CouncilId",
                principalTable: "Councils",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Decisions_Units_IssuingUnitId",
                table: "Decisions",
                column: "IssuingUnitId",
                principalTable: "Units",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Nominations_ReviewRounds_ReviewRoundId",
                table: "Nominations",
                column: "ReviewRoundId",
                principalTable: "ReviewRounds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Nominations_StateProposals_StateProposalId",
                table: "Nominations",
                column: "StateProposalId",
                principalTable: "StateProposals",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // The days off the administrator added before the calendar recorded arrangements keep their place.
            migrationBuilder.Sql("""INSERT INTO "CalendarDays" ("Date", "Kind", "Name", "Rule", "Source") SELECT "Date", 'DayOff', "Name", 'Arrangement', 'Ngày nghỉ quản trị viên đã thêm trước khi có lịch làm việc' FROM "Holidays";""");
            migrationBuilder.DropTable(
                name: "Holidays");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CouncilSessions_Councils_CouncilId",
                table: "CouncilSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Decisions_Units_IssuingUnitId",
                table: "Decisions");

            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_ReviewRounds_ReviewRoundId",
                table: "Nominations");

            migrationBuilder.DropForeignKey(
                name: "FK_Nominations_StateProposals_StateProposalId",
                table: "Nominations");

            migrationBuilder.DropTable(
                name: "BaseSalaries");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "CouncilMembers");

            migrationBuilder.DropTable(
                name: "ReviewRounds");

            migrationBuilder.DropTable(
                name: "RewardRules");

            migrationBuilder.DropTable(
                name: "StateProposals");

            migrationBuilder.DropTable(
                name: "Councils");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_ReviewRoundId",
                table: "Nominations");

            migrationBuilder.DropIndex(
                name: "IX_Nominations_StateProposalId",
                table: "Nominations");

            migrationBuilder.DropIndex(
                name: "IX_Decisions_IssuingUnitId",
                table: "Decisions");

            migrationBuilder.DropIndex(
                name: "IX_CouncilSessions_CouncilId",
                table: "CouncilSessions");

            migrationBuilder.DropColumn(
                name: "Abbreviation",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "KeepsRegisterInThiDua",
                table: "Units");

            migrationBuilder.DropColumn(
                name: "MoneyAmount",
                table: "Rewards");

            migrationBuilder.DropColumn(
                name: "MoneyCoefficient",
                table: "Rewards");

            migrationBuilder.DropColumn(
                name: "ReviewRoundId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "StateProposalId",
                table: "Nominations");

            migrationBuilder.DropColumn(
                name: "ReportDeadlineRule",
                table: "Movements");

            migrationBuilder.DropColumn(
                name: "Central",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "Issuer",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "IssuingUnitId",
                table: "Decisions");

            migrationBuilder.DropColumn(
                name: "CouncilId",
                table: "CouncilSessions");

            migrationBuilder.AlterColumn<int>(
                name: "Sequence",
                table: "Decisions",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

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
        }
    }
}
