using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Teachers.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Training : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teachers_training_hours",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    course_id = table.Column<long>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    hours = table.Column<double>(type: "REAL", nullable: false),
                    completed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    source = table.Column<int>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_training_hours", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_training_providers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_training_providers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "teachers_training_courses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    provider_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    hours = table.Column<double>(type: "REAL", nullable: false),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    starts_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    online = table.Column<bool>(type: "INTEGER", nullable: false),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    completed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_training_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_training_courses_training_providers_provider_id",
                        column: x => x.provider_id,
                        principalTable: "teachers_training_providers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "teachers_training_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    course_id = table.Column<long>(type: "INTEGER", nullable: false),
                    staff_id = table.Column<long>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions_attended = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolled_at = table.Column<long>(type: "INTEGER", nullable: false),
                    enrolled_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teachers_training_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_teachers_training_enrolments_teachers_training_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "teachers_training_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_courses_code",
                table: "teachers_training_courses",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_courses_provider_id",
                table: "teachers_training_courses",
                column: "provider_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_courses_starts_on",
                table: "teachers_training_courses",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_enrolments_course_id_staff_id",
                table: "teachers_training_enrolments",
                columns: new[] { "course_id", "staff_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_enrolments_staff_id",
                table: "teachers_training_enrolments",
                column: "staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_hours_org_unit_id_completed_on",
                table: "teachers_training_hours",
                columns: new[] { "org_unit_id", "completed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_hours_staff_id_course_id",
                table: "teachers_training_hours",
                columns: new[] { "staff_id", "course_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teachers_training_providers_code",
                table: "teachers_training_providers",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teachers_training_enrolments");

            migrationBuilder.DropTable(
                name: "teachers_training_hours");

            migrationBuilder.DropTable(
                name: "teachers_training_courses");

            migrationBuilder.DropTable(
                name: "teachers_training_providers");
        }
    }
}
