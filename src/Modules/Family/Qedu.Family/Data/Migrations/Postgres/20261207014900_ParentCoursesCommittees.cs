using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Family.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ParentCoursesCommittees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "committees",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    school_year = table.Column<int>(type: "integer", nullable: false),
                    class_name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    formed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committees", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "parent_courses",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    speaker = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    registered = table.Column<int>(type: "integer", nullable: false),
                    attendance_taken_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_parent_courses", x => x.id);
                    table.CheckConstraint("ck_parent_courses_seats", "registered >= 0 AND registered <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "committee_meetings",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    committee_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    present = table.Column<int>(type: "integer", nullable: false),
                    topics = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    decisions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_meetings_committees_committee_id",
                        column: x => x.committee_id,
                        principalSchema: "family",
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "committee_members",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    committee_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    role = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    duty = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_committee_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_committee_members_committees_committee_id",
                        column: x => x.committee_id,
                        principalSchema: "family",
                        principalTable: "committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_materials",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    course_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    length = table.Column<long>(type: "bigint", nullable: true),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    added_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_materials_parent_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "family",
                        principalTable: "parent_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "course_seats",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    course_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    school_id = table.Column<int>(type: "integer", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    cancelled_on = table.Column<DateOnly>(type: "date", nullable: true),
                    attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_seats", x => x.id);
                    table.ForeignKey(
                        name: "fk_course_seats_parent_courses_course_id",
                        column: x => x.course_id,
                        principalSchema: "family",
                        principalTable: "parent_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_committee_meetings_committee_id",
                schema: "family",
                table: "committee_meetings",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_committee_members_committee_id",
                schema: "family",
                table: "committee_members",
                column: "committee_id");

            migrationBuilder.CreateIndex(
                name: "ix_committees_org_unit_id_school_year_class_name",
                schema: "family",
                table: "committees",
                columns: new[] { "org_unit_id", "school_year", "class_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_materials_course_id",
                schema: "family",
                table: "course_materials",
                column: "course_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_seats_course_id_parent_account_id",
                schema: "family",
                table: "course_seats",
                columns: new[] { "course_id", "parent_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_course_seats_parent_account_id",
                schema: "family",
                table: "course_seats",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_course_seats_school_id",
                schema: "family",
                table: "course_seats",
                column: "school_id");

            migrationBuilder.CreateIndex(
                name: "ix_parent_courses_org_unit_id_day",
                schema: "family",
                table: "parent_courses",
                columns: new[] { "org_unit_id", "day" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "committee_meetings",
                schema: "family");

            migrationBuilder.DropTable(
                name: "committee_members",
                schema: "family");

            migrationBuilder.DropTable(
                name: "course_materials",
                schema: "family");

            migrationBuilder.DropTable(
                name: "course_seats",
                schema: "family");

            migrationBuilder.DropTable(
                name: "committees",
                schema: "family");

            migrationBuilder.DropTable(
                name: "parent_courses",
                schema: "family");
        }
    }
}
