using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialGrowth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "growth");

            migrationBuilder.CreateTable(
                name: "fitness_results",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    class_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    gender_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    school_year = table.Column<int>(type: "integer", nullable: false),
                    tested_on = table.Column<DateOnly>(type: "date", nullable: false),
                    exempt = table.Column<bool>(type: "boolean", nullable: false),
                    height_cm = table.Column<double>(type: "double precision", nullable: true),
                    weight_kg = table.Column<double>(type: "double precision", nullable: true),
                    measurements = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    bonus = table.Column<double>(type: "double precision", nullable: false),
                    total = table.Column<double>(type: "double precision", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    edition = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fitness_results", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "vision_results",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    class_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "integer", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_acuity = table.Column<double>(type: "double precision", nullable: false),
                    right_acuity = table.Column<double>(type: "double precision", nullable: false),
                    left_spherical_equivalent = table.Column<double>(type: "double precision", nullable: true),
                    right_spherical_equivalent = table.Column<double>(type: "double precision", nullable: true),
                    glasses = table.Column<bool>(type: "boolean", nullable: false),
                    poor_vision = table.Column<bool>(type: "boolean", nullable: false),
                    myopic = table.Column<bool>(type: "boolean", nullable: false),
                    edition = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_vision_results", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fitness_results_school_year_org_unit_id",
                schema: "growth",
                table: "fitness_results",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_fitness_results_student_id_school_year",
                schema: "growth",
                table: "fitness_results",
                columns: new[] { "student_id", "school_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_vision_results_school_year_org_unit_id",
                schema: "growth",
                table: "vision_results",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_vision_results_student_id_school_year",
                schema: "growth",
                table: "vision_results",
                columns: new[] { "student_id", "school_year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fitness_results",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "vision_results",
                schema: "growth");
        }
    }
}
