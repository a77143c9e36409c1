using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ByInterview",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ByOtherMeans",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ByQuestionnaire",
                table: "Evaluations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "CorrectsReportId",
                table: "Evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "FeeIncome",
                table: "Evaluations",
                type: "TEXT",
                precision: 12,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OtherMeans",
                table: "Evaluations",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PeopleServed",
                table: "Evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "Evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAt",
                table: "Evaluations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Reports written before this migration were last changed when they were written, as far as anyone knows.
            migrationBuilder.Sql("UPDATE Evaluations SET UpdatedAt = CreatedAt");

            migrationBuilder.CreateTable(
                name: "EvaluationBudgetLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Planned = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    InPlan = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationBudgetLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationBudgetLine_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationDimensionScore",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationDimensionScore", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationDimensionScore_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationObjective",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanObjectiveId = table.Column<int>(type: "INTEGER", nullable: true),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MeasuredBy = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Target = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Actual = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Achieved = table.Column<bool>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationObjective", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationObjective_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationParticipation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Expected = table.Column<int>(type: "INTEGER", nullable: false),
                    Served = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationParticipation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationParticipation_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationSectionComment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Section = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSectionComment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationSectionComment_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_CorrectsReportId",
                table: "Evaluations",
                column: "CorrectsReportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationBudgetLine_ReportId",
                table: "EvaluationBudgetLine",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationDimensionScore_ReportId_Dimension",
                table: "EvaluationDimensionScore",
                columns: new[] { "ReportId", "Dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationObjective_ReportId",
                table: "EvaluationObjective",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationParticipation_ReportId_Group",
                table: "EvaluationParticipation",
                columns: new[] { "ReportId", "Group" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSectionComment_ReportId",
                table: "EvaluationSectionComment",
                column: "ReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_Evaluations_Evaluations_CorrectsReportId",
                table: "Evaluations",
                column: "CorrectsReportId",
                principalTable: "Evaluations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evaluations_Evaluations_CorrectsReportId",
                table: "Evaluations");

            migrationBuilder.DropTable(
                name: "EvaluationBudgetLine");

            migrationBuilder.DropTable(
                name: "EvaluationDimensionScore");

            migrationBuilder.DropTable(
                name: "EvaluationObjective");

            migrationBuilder.DropTable(
                name: "EvaluationParticipation");

            migrationBuilder.DropTable(
                name: "EvaluationSectionComment");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_CorrectsReportId",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "ByInterview",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "ByOtherMeans",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "ByQuestionnaire",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "CorrectsReportId",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "FeeIncome",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "OtherMeans",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "PeopleServed",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Evaluations");
        }
    }
}
