using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityService.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Priority",
                table: "Needs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "ResidentsConcerned",
                table: "Needs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "ServiceTypeId",
                table: "Needs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SetAsideReason",
                table: "Needs",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "SurveyId",
                table: "Needs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommunityProfiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: false),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Environment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    History = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Geography = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Facilities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Organizations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    VolunteerBase = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    ResidentsUnder18 = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents18To59 = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents60To79 = table.Column<int>(type: "INTEGER", nullable: false),
                    Residents80AndOver = table.Column<int>(type: "INTEGER", nullable: false),
                    ElderlyLivingAlone = table.Column<int>(type: "INTEGER", nullable: false),
                    PeopleWithDisabilities = table.Column<int>(type: "INTEGER", nullable: false),
                    LowIncomeHouseholds = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildrenInNeed = table.Column<int>(type: "INTEGER", nullable: false)
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
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UsesQuestionnaire = table.Column<bool>(type: "INTEGER", nullable: false),
                    UsesInterview = table.Column<bool>(type: "INTEGER", nullable: false),
                    UsesObservation = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowAnonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PreviousVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    VersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProfileId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UnitName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Who = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Where = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    When = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    CommunitiesId = table.Column<int>(type: "INTEGER", nullable: false),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondentId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RespondentName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CommunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EnteredById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NeedId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FieldNoteId = table.Column<int>(type: "INTEGER", nullable: true),
                    Figure = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionOptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    AllowOther = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConditionQuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConditionOptionId = table.Column<int>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
                unique: true);

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
