using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Surveys.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "surveys_questionnaires",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    title_en = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    audience = table.Column<int>(type: "INTEGER", nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_questionnaires", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys_surveys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    questionnaire_id = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_surveys", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_surveys_surveys_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "surveys_questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "surveys_responses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    survey_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    values = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_responses_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_survey_schools",
                columns: table => new
                {
                    survey_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    links_issued = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_survey_schools", x => new { x.survey_id, x.school_id });
                    table.ForeignKey(
                        name: "fk_surveys_survey_schools_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    survey_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    used = table.Column<bool>(type: "INTEGER", nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_tokens_surveys_surveys_survey_id",
                        column: x => x.survey_id,
                        principalTable: "surveys_surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "surveys_comments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    response_id = table.Column<long>(type: "INTEGER", nullable: false),
                    survey_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    item = table.Column<short>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_comments_responses_response_id",
                        column: x => x.response_id,
                        principalTable: "surveys_responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_comments_response_id",
                table: "surveys_comments",
                column: "response_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_comments_survey_id_school_id",
                table: "surveys_comments",
                columns: new[] { "survey_id", "school_id" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_questionnaires_code",
                table: "surveys_questionnaires",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_responses_survey_id_school_id",
                table: "surveys_responses",
                columns: new[] { "survey_id", "school_id" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_surveys_code",
                table: "surveys_surveys",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_surveys_questionnaire_id",
                table: "surveys_surveys",
                column: "questionnaire_id");

            migrationBuilder.CreateIndex(
                name: "ix_surveys_tokens_hash",
                table: "surveys_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_tokens_survey_id_school_id",
                table: "surveys_tokens",
                columns: new[] { "survey_id", "school_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "surveys_comments");

            migrationBuilder.DropTable(
                name: "surveys_survey_schools");

            migrationBuilder.DropTable(
                name: "surveys_tokens");

            migrationBuilder.DropTable(
                name: "surveys_responses");

            migrationBuilder.DropTable(
                name: "surveys_surveys");

            migrationBuilder.DropTable(
                name: "surveys_questionnaires");
        }
    }
}
