using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SocialClassrooms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_venues",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    standard_met = table.Column<bool>(type: "INTEGER", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    owner_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    proposed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    approved_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_venues", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_practice_sessions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    venue_id = table.Column<long>(type: "INTEGER", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    booked = table.Column<int>(type: "INTEGER", nullable: false),
                    check_in_token = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_practice_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_practice_sessions_venues_venue_id",
                        column: x => x.venue_id,
                        principalTable: "growth_venues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "growth_practice_bookings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    places = table.Column<int>(type: "INTEGER", nullable: false),
                    booked_at = table.Column<long>(type: "INTEGER", nullable: false),
                    booked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_practice_bookings", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_practice_bookings_practice_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "growth_practice_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "growth_practice_check_ins",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    session_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    checked_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_practice_check_ins", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_practice_check_ins_practice_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "growth_practice_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_practice_bookings_session_id_org_unit_id",
                table: "growth_practice_bookings",
                columns: new[] { "session_id", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_practice_check_ins_session_id_student_id",
                table: "growth_practice_check_ins",
                columns: new[] { "session_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_growth_practice_check_ins_student_id_school_year",
                table: "growth_practice_check_ins",
                columns: new[] { "student_id", "school_year" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_practice_sessions_venue_id_day",
                table: "growth_practice_sessions",
                columns: new[] { "venue_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_venues_code",
                table: "growth_venues",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_growth_venues_owner_unit_id",
                table: "growth_venues",
                column: "owner_unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_practice_bookings");

            migrationBuilder.DropTable(
                name: "growth_practice_check_ins");

            migrationBuilder.DropTable(
                name: "growth_practice_sessions");

            migrationBuilder.DropTable(
                name: "growth_venues");
        }
    }
}
