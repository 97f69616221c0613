using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudyTrips : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_study_courses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    venue_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_study_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_study_courses_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "growth_venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "growth_study_trips",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    course_id = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    days = table.Column<int>(type: "INTEGER", nullable: false),
                    students = table.Column<int>(type: "INTEGER", nullable: false),
                    teachers = table.Column<int>(type: "INTEGER", nullable: false),
                    transport = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    safety_plan = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    submitted_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    submitted_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_study_trips", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_study_trips_growth_study_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "growth_study_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_study_courses_venue_id",
                table: "growth_study_courses",
                column: "venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_study_trips_course_id",
                table: "growth_study_trips",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_study_trips_org_unit_id_day",
                table: "growth_study_trips",
                columns: new[] { "org_unit_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_study_trips");

            migrationBuilder.DropTable(
                name: "growth_study_courses");
        }
    }
}
