using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Family.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParentCoursesCommittees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_committees",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    formed_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_committees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "family_parent_courses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    speaker = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    registered = table.Column<int>(type: "INTEGER", nullable: false),
                    attendance_taken_at = table.Column<long>(type: "INTEGER", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_parent_courses", x => x.id);
                    table.CheckConstraint("ck_parent_courses_seats", "registered >= 0 AND registered <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "family_committee_meetings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    committee_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    held_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    present = table.Column<int>(type: "INTEGER", nullable: false),
                    topics = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    decisions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_committee_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_committee_meetings_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "family_committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_committee_members",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    committee_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    duty = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    joined_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    left_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_committee_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_committee_members_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "family_committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_course_materials",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    course_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "INTEGER", nullable: true),
                    url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    added_at = table.Column<long>(type: "INTEGER", nullable: false),
                    added_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_course_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_course_materials_parent_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "family_parent_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_course_seats",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    course_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    school_id = table.Column<int>(type: "INTEGER", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    cancelled_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    attended = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_course_seats", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_course_seats_parent_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "family_parent_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_committee_meetings_committee_id",
                table: "family_committee_meetings",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_committee_members_committee_id",
                table: "family_committee_members",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_committees_org_unit_id_school_year_class_name",
                table: "family_committees",
                columns: new[] { "org_unit_id", "school_year", "class_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_course_materials_course_id",
                table: "family_course_materials",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_course_seats_course_id_parent_account_id",
                table: "family_course_seats",
                columns: new[] { "course_id", "parent_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_course_seats_parent_account_id",
                table: "family_course_seats",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_course_seats_school_id",
                table: "family_course_seats",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_parent_courses_org_unit_id_day",
                table: "family_parent_courses",
                columns: new[] { "org_unit_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_committee_meetings");

            migrationBuilder.DropTable(
                name: "family_committee_members");

            migrationBuilder.DropTable(
                name: "family_course_materials");

            migrationBuilder.DropTable(
                name: "family_course_seats");

            migrationBuilder.DropTable(
                name: "family_committees");

            migrationBuilder.DropTable(
                name: "family_parent_courses");
        }
    }
}
