using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialExams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exams_exams",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    pass_share = table.Column<double>(type: "REAL", nullable: false),
                    excellent_share = table.Column<double>(type: "REAL", nullable: false),
                    bottom30cutoff = table.Column<double>(type: "REAL", nullable: true),
                    candidates = table.Column<int>(type: "INTEGER", nullable: false),
                    imported_at = table.Column<long>(type: "INTEGER", nullable: false),
                    imported_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    analysed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_exams", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "exams_candidates",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    migrant = table.Column<bool>(type: "INTEGER", nullable: false),
                    financial_hardship = table.Column<bool>(type: "INTEGER", nullable: false),
                    disability = table.Column<bool>(type: "INTEGER", nullable: false),
                    total = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_candidates", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_candidates_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exams_figures",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    level = table.Column<short>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    above_unit_id = table.Column<int>(type: "INTEGER", nullable: true),
                    subject = table.Column<short>(type: "INTEGER", nullable: false),
                    sat = table.Column<int>(type: "INTEGER", nullable: false),
                    absent = table.Column<int>(type: "INTEGER", nullable: false),
                    mean = table.Column<double>(type: "REAL", nullable: true),
                    standard_deviation = table.Column<double>(type: "REAL", nullable: true),
                    min = table.Column<double>(type: "REAL", nullable: true),
                    q1 = table.Column<double>(type: "REAL", nullable: true),
                    median = table.Column<double>(type: "REAL", nullable: true),
                    q3 = table.Column<double>(type: "REAL", nullable: true),
                    max = table.Column<double>(type: "REAL", nullable: true),
                    pass_rate = table.Column<double>(type: "REAL", nullable: false),
                    excellent_rate = table.Column<double>(type: "REAL", nullable: false),
                    bands = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    above_mean = table.Column<double>(type: "REAL", nullable: true),
                    gap = table.Column<double>(type: "REAL", nullable: true),
                    bottom30share = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_figures", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_figures_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exams_scores",
                columns: table => new
                {
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    candidate_id = table.Column<long>(type: "INTEGER", nullable: false),
                    subject = table.Column<short>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_scores", x => new { x.exam_id, x.candidate_id, x.subject });
                    table.ForeignKey(
                        name: "fk_exams_scores_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exams_subjects",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    number = table.Column<short>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    full_marks = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_subjects", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_subjects_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exams_value_added_runs",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    prior_exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    adjust_migrant = table.Column<bool>(type: "INTEGER", nullable: false),
                    adjust_hardship = table.Column<bool>(type: "INTEGER", nullable: false),
                    adjust_disability = table.Column<bool>(type: "INTEGER", nullable: false),
                    min_students = table.Column<int>(type: "INTEGER", nullable: false),
                    students = table.Column<int>(type: "INTEGER", nullable: false),
                    left_out = table.Column<int>(type: "INTEGER", nullable: false),
                    slope = table.Column<double>(type: "REAL", nullable: false),
                    within_variance = table.Column<double>(type: "REAL", nullable: false),
                    between_variance = table.Column<double>(type: "REAL", nullable: false),
                    computed_at = table.Column<long>(type: "INTEGER", nullable: false),
                    computed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_value_added_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_value_added_runs_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_exams_value_added_runs_exams_exams_prior_exam_id",
                        column: x => x.prior_exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exams_value_added_schools",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<int>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    students = table.Column<int>(type: "INTEGER", nullable: false),
                    effect = table.Column<double>(type: "REAL", nullable: false),
                    lower = table.Column<double>(type: "REAL", nullable: false),
                    upper = table.Column<double>(type: "REAL", nullable: false),
                    too_few = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_value_added_schools", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_value_added_schools_exams_value_added_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "exams_value_added_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exams_candidates_exam_id_org_unit_id",
                table: "exams_candidates",
                columns: new[] { "exam_id", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exams_candidates_exam_id_student_id",
                table: "exams_candidates",
                columns: new[] { "exam_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exams_candidates_student_id",
                table: "exams_candidates",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_exams_exams_code",
                table: "exams_exams",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exams_figures_exam_id_above_unit_id",
                table: "exams_figures",
                columns: new[] { "exam_id", "above_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_exams_figures_exam_id_level_org_unit_id_class_id_subject",
                table: "exams_figures",
                columns: new[] { "exam_id", "level", "org_unit_id", "class_id", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_exams_subjects_exam_id_name",
                table: "exams_subjects",
                columns: new[] { "exam_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exams_subjects_exam_id_number",
                table: "exams_subjects",
                columns: new[] { "exam_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_exams_value_added_runs_exam_id_prior_exam_id_subject",
                table: "exams_value_added_runs",
                columns: new[] { "exam_id", "prior_exam_id", "subject" });

            migrationBuilder.CreateIndex(
                name: "ix_exams_value_added_runs_prior_exam_id",
                table: "exams_value_added_runs",
                column: "prior_exam_id");

            migrationBuilder.CreateIndex(
                name: "ix_exams_value_added_schools_run_id_org_unit_id",
                table: "exams_value_added_schools",
                columns: new[] { "run_id", "org_unit_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exams_candidates");

            migrationBuilder.DropTable(
                name: "exams_figures");

            migrationBuilder.DropTable(
                name: "exams_scores");

            migrationBuilder.DropTable(
                name: "exams_subjects");

            migrationBuilder.DropTable(
                name: "exams_value_added_schools");

            migrationBuilder.DropTable(
                name: "exams_value_added_runs");

            migrationBuilder.DropTable(
                name: "exams_exams");
        }
    }
}
