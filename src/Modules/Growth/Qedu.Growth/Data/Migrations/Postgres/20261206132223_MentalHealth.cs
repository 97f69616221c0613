using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MentalHealth : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mental_cases",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    next_follow_up_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    open = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mental_cases", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mental_screenings",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "integer", nullable: false),
                    screened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    instrument = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    risk_item = table.Column<bool>(type: "boolean", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mental_screenings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "mental_case_entries",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    case_id = table.Column<long>(type: "bigint", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<byte[]>(type: "bytea", nullable: false),
                    referred_to = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mental_case_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_mental_case_entries_mental_cases_case_id",
                        column: x => x.case_id,
                        principalSchema: "growth",
                        principalTable: "mental_cases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_mental_case_entries_case_id",
                schema: "growth",
                table: "mental_case_entries",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_mental_cases_org_unit_id_open",
                schema: "growth",
                table: "mental_cases",
                columns: new[] { "org_unit_id", "open" });

            migrationBuilder.CreateIndex(
                name: "ix_mental_cases_student_id",
                schema: "growth",
                table: "mental_cases",
                column: "student_id",
                unique: true,
                filter: "open");

            migrationBuilder.CreateIndex(
                name: "ix_mental_screenings_school_year_org_unit_id",
                schema: "growth",
                table: "mental_screenings",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_mental_screenings_student_id_screened_on",
                schema: "growth",
                table: "mental_screenings",
                columns: new[] { "student_id", "screened_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mental_case_entries",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "mental_screenings",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "mental_cases",
                schema: "growth");
        }
    }
}
