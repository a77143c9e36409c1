using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SatisfactionSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Surveys",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Community");

            migrationBuilder.AddColumn<int>(
                name: "ProjectId",
                table: "Surveys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionResponses",
                table: "Evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SatisfactionSurveyId",
                table: "Evaluations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvaluationSatisfactionQuestion",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Responses = table.Column<int>(type: "INTEGER", nullable: false),
                    Average = table.Column<decimal>(type: "TEXT", precision: 4, scale: 2, nullable: true),
                    SatisfiedPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationSatisfactionQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationSatisfactionQuestion_Evaluations_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Evaluations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ProjectId_Kind",
                table: "Surveys",
                columns: new[] { "ProjectId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Evaluations_SatisfactionSurveyId",
                table: "Evaluations",
                column: "SatisfactionSurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationSatisfactionQuestion_ReportId",
                table: "EvaluationSatisfactionQuestion",
                column: "ReportId");

            migrationBuilder.AddForeignKey(
                name: "FK_Evaluations_Surveys_SatisfactionSurveyId",
                table: "Evaluations",
                column: "SatisfactionSurveyId",
                principalTable: "Surveys",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Surveys_Projects_ProjectId",
                table: "Surveys",
                column: "ProjectId",
                principalTable: "Projects",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Evaluations_Surveys_SatisfactionSurveyId",
                table: "Evaluations");

            migrationBuilder.DropForeignKey(
                name: "FK_Surveys_Projects_ProjectId",
                table: "Surveys");

            migrationBuilder.DropTable(
                name: "EvaluationSatisfactionQuestion");

            migrationBuilder.DropIndex(
                name: "IX_Surveys_ProjectId_Kind",
                table: "Surveys");

            migrationBuilder.DropIndex(
                name: "IX_Evaluations_SatisfactionSurveyId",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "ProjectId",
                table: "Surveys");

            migrationBuilder.DropColumn(
                name: "SatisfactionResponses",
                table: "Evaluations");

            migrationBuilder.DropColumn(
                name: "SatisfactionSurveyId",
                table: "Evaluations");
        }
    }
}
