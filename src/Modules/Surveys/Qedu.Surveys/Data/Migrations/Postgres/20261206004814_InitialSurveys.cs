using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Surveys.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialSurveys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "surveys");

            migrationBuilder.CreateTable(
                name: "questionnaires",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    title_en = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    audience = table.Column<int>(type: "integer", nullable: false),
                    items = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaires", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "surveys",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    questionnaire_id = table.Column<int>(type: "integer", nullable: false),
                    owner_unit_id = table.Column<int>(type: "integer", nullable: false),
                    opens_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closes_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_surveys", x => x.id);
                    table.ForeignKey(
                        name: "fk_surveys_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalSchema: "surveys",
                        principalTable: "questionnaires",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "responses",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    survey_id = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    values = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_responses", x => x.id);
                    table.ForeignKey(
                        name: "fk_responses_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "survey_schools",
                schema: "surveys",
                columns: table => new
                {
                    survey_id = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    links_issued = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_survey_schools", x => new { x.survey_id, x.school_id });
                    table.ForeignKey(
                        name: "fk_survey_schools_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tokens",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    survey_id = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    used = table.Column<bool>(type: "boolean", nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_tokens_surveys_survey_id",
                        column: x => x.survey_id,
                        principalSchema: "surveys",
                        principalTable: "surveys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comments",
                schema: "surveys",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    response_id = table.Column<long>(type: "bigint", nullable: false),
                    survey_id = table.Column<int>(type: "integer", nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    item = table.Column<short>(type: "smallint", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_comments", x => x.id);
                    table.ForeignKey(
                        name: "fk_comments_responses_response_id",
                        column: x => x.response_id,
                        principalSchema: "surveys",
                        principalTable: "responses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_comments_response_id",
                schema: "surveys",
                table: "comments",
                column: "response_id");

            migrationBuilder.CreateIndex(
                name: "ix_comments_survey_id_school_id",
                schema: "surveys",
                table: "comments",
                columns: new[] { "survey_id", "school_id" });

            migrationBuilder.CreateIndex(
                name: "ix_questionnaires_code",
                schema: "surveys",
                table: "questionnaires",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_responses_survey_id_school_id",
                schema: "surveys",
                table: "responses",
                columns: new[] { "survey_id", "school_id" });

            migrationBuilder.CreateIndex(
                name: "ix_surveys_code",
                schema: "surveys",
                table: "surveys",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_surveys_questionnaire_id",
                schema: "surveys",
                table: "surveys",
                column: "questionnaire_id");

            migrationBuilder.CreateIndex(
                name: "ix_tokens_hash",
                schema: "surveys",
                table: "tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tokens_survey_id_school_id",
                schema: "surveys",
                table: "tokens",
                columns: new[] { "survey_id", "school_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "comments",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "survey_schools",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "tokens",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "responses",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "surveys",
                schema: "surveys");

            migrationBuilder.DropTable(
                name: "questionnaires",
                schema: "surveys");
        }
    }
}
