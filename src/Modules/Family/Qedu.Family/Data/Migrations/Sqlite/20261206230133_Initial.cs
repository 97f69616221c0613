using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Family.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "family_care_offers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    term_starts = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    enrol_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    weekdays = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    starts = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ends = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    grades = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    activities = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    enrolled = table.Column<int>(type: "INTEGER", nullable: false),
                    fee = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    subsidy = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_offers", x => x.id);
                    table.CheckConstraint("ck_care_offers_places", "enrolled >= 0 AND enrolled <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "family_care_attendance",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    offer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    present = table.Column<bool>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_care_attendance_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "family_care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_care_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    offer_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_care_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_care_enrolments_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalTable: "family_care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_family_care_attendance_offer_id_day_student_id",
                table: "family_care_attendance",
                columns: new[] { "offer_id", "day", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_care_attendance_org_unit_id",
                table: "family_care_attendance",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_offer_id_student_id",
                table: "family_care_enrolments",
                columns: new[] { "offer_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_org_unit_id",
                table: "family_care_enrolments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_enrolments_student_id",
                table: "family_care_enrolments",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_care_offers_org_unit_id_term_starts",
                table: "family_care_offers",
                columns: new[] { "org_unit_id", "term_starts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "family_care_attendance");

            migrationBuilder.DropTable(
                name: "family_care_enrolments");

            migrationBuilder.DropTable(
                name: "family_care_offers");
        }
    }
}
