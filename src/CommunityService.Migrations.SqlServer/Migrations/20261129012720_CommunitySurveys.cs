using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CommunitySurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "Needs",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Needs",
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ResidentsConcerned",
                table: "Needs",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ServiceTypeId",
                table: "Needs",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetAsideReason",
                table: "Needs",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SurveyId",
                table: "Needs",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunityProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CommunityId = table.Column<int>(type: "int", nullable: false),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Environment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    History = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Geography = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Facilities = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Organizations = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    VolunteerBase = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Households = table.Column<int>(type: "int", nullable: false),
                    ResidentsUnder18 = table.Column<int>(type: "int", nullable: false),
                    Residents18To59 = table.Column<int>(type: "int", nullable: false),
                    Residents60To79 = table.Column<int>(type: "int", nullable: false),
                    Residents80AndOver = table.Column<int>(type: "int", nullable: false),
                    ElderlyLivingAlone = table.Column<int>(type: "int", nullable: false),
                    PeopleWithDisabilities = table.Column<int>(type: "int", nullable: false),
                    LowIncomeHouseholds = table.Column<int>(type: "int", nullable: false),
                    ChildrenInNeed = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityProfiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityProfiles_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedTargetGroup",
                columns: table => new
                {
                    NeedId = table.Column<int>(type: "int", nullable: false),
                    Group = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedTargetGroup", x => new { x.NeedId, x.Group });
                    table.ForeignKey(
                        name: "FK_NeedTargetGroup_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    UsesQuestionnaire = table.Column<bool>(type: "bit", nullable: false),
                    UsesInterview = table.Column<bool>(type: "bit", nullable: false),
                    UsesObservation = table.Column<bool>(type: "bit", nullable: false),
                    AllowAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    PreviousVersionId = table.Column<int>(type: "int", nullable: true),
                    VersionNumber = table.Column<int>(type: "int", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Surveys_PreviousVersionId",
                        column: x => x.PreviousVersionId,
                        principalTable: "Surveys",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ProfileVenue",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ProfileId = table.Column<int>(type: "int", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    UnitName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfileVenue", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfileVenue_CommunityProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "CommunityProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FieldNotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    CommunityId = table.Column<int>(type: "int", nullable: true),
                    Who = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Where = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    When = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Content = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FieldNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FieldNotes_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FieldNotes_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyCommunities",
                columns: table => new
                {
                    CommunitiesId = table.Column<int>(type: "int", nullable: false),
                    SurveyId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyCommunities", x => new { x.CommunitiesId, x.SurveyId });
                    table.ForeignKey(
                        name: "FK_SurveyCommunities_Communities_CommunitiesId",
                        column: x => x.CommunitiesId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyCommunities_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    RespondentId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RespondentName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    CommunityId = table.Column<int>(type: "int", nullable: true),
                    AgeBand = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Channel = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    EnteredById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    NeedId = table.Column<int>(type: "int", nullable: false),
                    QuestionId = table.Column<int>(type: "int", nullable: true),
                    FieldNoteId = table.Column<int>(type: "int", nullable: true),
                    Figure = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NeedEvidence_FieldNotes_FieldNoteId",
                        column: x => x.FieldNoteId,
                        principalTable: "FieldNotes",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_NeedEvidence_Needs_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Needs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionOptions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionOptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SurveyId = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Required = table.Column<bool>(type: "bit", nullable: false),
                    AllowOther = table.Column<bool>(type: "bit", nullable: false),
                    ConditionQuestionId = table.Column<int>(type: "int", nullable: true),
                    ConditionOptionId = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_QuestionOptions_ConditionOptionId",
                        column: x => x.ConditionOptionId,
                        principalTable: "QuestionOptions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_SurveyQuestions_ConditionQuestionId",
                        column: x => x.ConditionQuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ResponseId = table.Column<int>(type: "int", nullable: false),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    OptionId = table.Column<int>(type: "int", nullable: true),
                    Number = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_QuestionOptions_OptionId",
                        column: x => x.OptionId,
                        principalTable: "QuestionOptions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_ServiceTypeId",
                table: "Needs",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_Needs_Status_Priority",
                table: "Needs",
                columns: new[] { "Status", "Priority" });

            migrationBuilder.CreateIndex(
                name: "IX_Needs_SurveyId",
                table: "Needs",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityProfiles_CommunityId_VersionNumber",
                table: "CommunityProfiles",
                columns: new[] { "CommunityId", "VersionNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FieldNotes_CommunityId",
                table: "FieldNotes",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_FieldNotes_SurveyId",
                table: "FieldNotes",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedEvidence_FieldNoteId",
                table: "NeedEvidence",
                column: "FieldNoteId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedEvidence_NeedId",
                table: "NeedEvidence",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedEvidence_QuestionId",
                table: "NeedEvidence",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfileVenue_ProfileId",
                table: "ProfileVenue",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionOptions_QuestionId",
                table: "QuestionOptions",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_OptionId",
                table: "SurveyAnswers",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId_OptionId",
                table: "SurveyAnswers",
                columns: new[] { "QuestionId", "OptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId",
                table: "SurveyAnswers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyCommunities_SurveyId",
                table: "SurveyCommunities",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_ConditionOptionId",
                table: "SurveyQuestions",
                column: "ConditionOptionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_ConditionQuestionId",
                table: "SurveyQuestions",
                column: "ConditionQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_SurveyId",
                table: "SurveyQuestions",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_CommunityId",
                table: "SurveyResponses",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_RespondentId",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "RespondentId" },
                unique: true,
                filter: "[RespondentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_PreviousVersionId",
                table: "Surveys",
                column: "PreviousVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Status_CreatedAt",
                table: "Surveys",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_Needs_ServiceTypes_ServiceTypeId",
                table: "Needs",
                column: "ServiceTypeId",
                principalTable: "ServiceTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Needs_Surveys_SurveyId",
                table: "Needs",
                column: "SurveyId",
                principalTable: "Surveys",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_NeedEvidence_SurveyQuestions_QuestionId",
                table: "NeedEvidence",
                column: "QuestionId",
                principalTable: "SurveyQuestions",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_QuestionOptions_SurveyQuestions_QuestionId",
                table: "QuestionOptions",
                column: "QuestionId",
                principalTable: "SurveyQuestions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Needs_ServiceTypes_ServiceTypeId",
                table: "Needs");

            migrationBuilder.DropForeignKey(
                name: "FK_Needs_Surveys_SurveyId",
                table: "Needs");

            migrationBuilder.DropForeignKey(
                name: "FK_SurveyQuestions_Surveys_SurveyId",
                table: "SurveyQuestions");

            migrationBuilder.DropForeignKey(
                name: "FK_QuestionOptions_SurveyQuestions_QuestionId",
                table: "QuestionOptions");

            migrationBuilder.DropTable(
                name: "NeedEvidence");

            migrationBuilder.DropTable(
                name: "NeedTargetGroup");

            migrationBuilder.DropTable(
                name: "ProfileVenue");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyCommunities");

            migrationBuilder.DropTable(
                name: "FieldNotes");

            migrationBuilder.DropTable(
                name: "CommunityProfiles");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "QuestionOptions");

            migrationBuilder.DropIndex(
                name: "IX_Needs_ServiceTypeId",
                table: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_Needs_Status_Priority",
                table: "Needs");

            migrationBuilder.DropIndex(
                name: "IX_Needs_SurveyId",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "ResidentsConcerned",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "ServiceTypeId",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "SetAsideReason",
                table: "Needs");

            migrationBuilder.DropColumn(
                name: "SurveyId",
                table: "Needs");
        }
    }
}
