using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialGrowth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_fitness_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    gender_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    tested_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    height_cm = table.Column<double>(type: "REAL", nullable: true),
                    weight_kg = table.Column<double>(type: "REAL", nullable: true),
                    measurements = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    bonus = table.Column<double>(type: "REAL", nullable: false),
                    total = table.Column<double>(type: "REAL", nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    edition = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_fitness_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_vision_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_acuity = table.Column<double>(type: "REAL", nullable: false),
                    right_acuity = table.Column<double>(type: "REAL", nullable: false),
                    left_spherical_equivalent = table.Column<double>(type: "REAL", nullable: true),
                    right_spherical_equivalent = table.Column<double>(type: "REAL", nullable: true),
                    glasses = table.Column<bool>(type: "INTEGER", nullable: false),
                    poor_vision = table.Column<bool>(type: "INTEGER", nullable: false),
                    myopic = table.Column<bool>(type: "INTEGER", nullable: false),
                    edition = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_vision_results", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_fitness_results_school_year_org_unit_id",
                table: "growth_fitness_results",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_fitness_results_student_id_school_year",
                table: "growth_fitness_results",
                columns: new[] { "student_id", "school_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_growth_vision_results_school_year_org_unit_id",
                table: "growth_vision_results",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_vision_results_student_id_school_year",
                table: "growth_vision_results",
                columns: new[] { "student_id", "school_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_fitness_results");

            migrationBuilder.DropTable(
                name: "growth_vision_results");
        }
    }
}
