using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialExams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "exams");

            migrationBuilder.CreateTable(
                name: "exams",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_unit_id = table.Column<int>(type: "integer", nullable: false),
                    pass_share = table.Column<double>(type: "double precision", nullable: false),
                    excellent_share = table.Column<double>(type: "double precision", nullable: false),
                    bottom30cutoff = table.Column<double>(type: "double precision", nullable: true),
                    candidates = table.Column<int>(type: "integer", nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    imported_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    analysed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "candidates",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exam_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    class_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    migrant = table.Column<bool>(type: "boolean", nullable: false),
                    financial_hardship = table.Column<bool>(type: "boolean", nullable: false),
                    disability = table.Column<bool>(type: "boolean", nullable: false),
                    total = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_candidates_exams_exam_id",
                        column: x => x.exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "figures",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exam_id = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<short>(type: "smallint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    class_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    above_unit_id = table.Column<int>(type: "integer", nullable: true),
                    subject = table.Column<short>(type: "smallint", nullable: false),
                    sat = table.Column<int>(type: "integer", nullable: false),
                    absent = table.Column<int>(type: "integer", nullable: false),
                    mean = table.Column<double>(type: "double precision", nullable: true),
                    standard_deviation = table.Column<double>(type: "double precision", nullable: true),
                    min = table.Column<double>(type: "double precision", nullable: true),
                    q1 = table.Column<double>(type: "double precision", nullable: true),
                    median = table.Column<double>(type: "double precision", nullable: true),
                    q3 = table.Column<double>(type: "double precision", nullable: true),
                    max = table.Column<double>(type: "double precision", nullable: true),
                    pass_rate = table.Column<double>(type: "double precision", nullable: false),
                    excellent_rate = table.Column<double>(type: "double precision", nullable: false),
                    bands = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    above_mean = table.Column<double>(type: "double precision", nullable: true),
                    gap = table.Column<double>(type: "double precision", nullable: true),
                    bottom30share = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_figures_exams_exam_id",
                        column: x => x.exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scores",
                schema: "exams",
                columns: table => new
                {
                    exam_id = table.Column<int>(type: "integer", nullable: false),
                    candidate_id = table.Column<long>(type: "bigint", nullable: false),
                    subject = table.Column<short>(type: "smallint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scores", x => new { x.exam_id, x.candidate_id, x.subject });
                    table.ForeignKey(
                        name: "fk_scores_exams_exam_id",
                        column: x => x.exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subjects",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exam_id = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<short>(type: "smallint", nullable: false),
                    name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    full_marks = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_subjects_exams_exam_id",
                        column: x => x.exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "value_added_runs",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    exam_id = table.Column<int>(type: "integer", nullable: false),
                    prior_exam_id = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    owner_unit_id = table.Column<int>(type: "integer", nullable: false),
                    adjust_migrant = table.Column<bool>(type: "boolean", nullable: false),
                    adjust_hardship = table.Column<bool>(type: "boolean", nullable: false),
                    adjust_disability = table.Column<bool>(type: "boolean", nullable: false),
                    min_students = table.Column<int>(type: "integer", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    left_out = table.Column<int>(type: "integer", nullable: false),
                    slope = table.Column<double>(type: "double precision", nullable: false),
                    within_variance = table.Column<double>(type: "double precision", nullable: false),
                    between_variance = table.Column<double>(type: "double precision", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    computed_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_value_added_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_value_added_runs_exams_exam_id",
                        column: x => x.exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_value_added_runs_exams_prior_exam_id",
                        column: x => x.prior_exam_id,
                        principalSchema: "exams",
                        principalTable: "exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "value_added_schools",
                schema: "exams",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<int>(type: "integer", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    students = table.Column<int>(type: "integer", nullable: false),
                    effect = table.Column<double>(type: "double precision", nullable: false),
                    lower = table.Column<double>(type: "double precision", nullable: false),
                    upper = table.Column<double>(type: "double precision", nullable: false),
                    too_few = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_value_added_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_value_added_schools_value_added_runs_run_id",
                        column: x => x.run_id,
                        principalSchema: "exams",
                        principalTable: "value_added_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_exam_id_org_unit_id",
                schema: "exams",
                table: "candidates",
                columns: new[] { "exam_id", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_candidates_exam_id_student_id",
                schema: "exams",
                table: "candidates",
                columns: new[] { "exam_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_candidates_student_id",
                schema: "exams",
                table: "candidates",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_exams_code",
                schema: "exams",
                table: "exams",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_figures_exam_id_above_unit_id",
                schema: "exams",
                table: "figures",
                columns: new[] { "exam_id", "above_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_figures_exam_id_level_org_unit_id_class_id_subject",
                schema: "exams",
                table: "figures",
                columns: new[] { "exam_id", "level", "org_unit_id", "class_id", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_subjects_exam_id_name",
                schema: "exams",
                table: "subjects",
                columns: new[] { "exam_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_subjects_exam_id_number",
                schema: "exams",
                table: "subjects",
                columns: new[] { "exam_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_value_added_runs_exam_id_prior_exam_id_subject",
                schema: "exams",
                table: "value_added_runs",
                columns: new[] { "exam_id", "prior_exam_id", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_value_added_runs_prior_exam_id",
                schema: "exams",
                table: "value_added_runs",
                column: "prior_exam_id");

            migrationBuilder.CreateIndex(
                name: "ix_value_added_schools_run_id_org_unit_id",
                schema: "exams",
                table: "value_added_schools",
                columns: new[] { "run_id", "org_unit_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "candidates",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "figures",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "scores",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "subjects",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "value_added_schools",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "value_added_runs",
                schema: "exams");

            migrationBuilder.DropTable(
                name: "exams",
                schema: "exams");
        }
    }
}
