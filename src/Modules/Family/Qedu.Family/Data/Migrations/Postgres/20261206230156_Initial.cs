using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Family.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "family");

            migrationBuilder.CreateTable(
                name: "care_offers",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    term_starts = table.Column<DateOnly>(type: "date", nullable: false),
                    term_ends = table.Column<DateOnly>(type: "date", nullable: false),
                    enrol_until = table.Column<DateOnly>(type: "date", nullable: false),
                    weekdays = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    starts = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ends = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    grades = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    activities = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    enrolled = table.Column<int>(type: "integer", nullable: false),
                    fee = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    subsidy = table.Column<decimal>(type: "numeric(10,2)", precision: 10, scale: 2, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_offers", x => x.id);
                    table.CheckConstraint("ck_care_offers_places", "enrolled >= 0 AND enrolled <= capacity");
                });

            migrationBuilder.CreateTable(
                name: "care_attendance",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    offer_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    present = table.Column<bool>(type: "boolean", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_attendance", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_attendance_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "family",
                        principalTable: "care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "care_enrolments",
                schema: "family",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    offer_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrolled_on = table.Column<DateOnly>(type: "date", nullable: false),
                    withdrawn_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_enrolments", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_enrolments_care_offers_offer_id",
                        column: x => x.offer_id,
                        principalSchema: "family",
                        principalTable: "care_offers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_attendance_offer_id_day_student_id",
                schema: "family",
                table: "care_attendance",
                columns: new[] { "offer_id", "day", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_attendance_org_unit_id",
                schema: "family",
                table: "care_attendance",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_offer_id_student_id",
                schema: "family",
                table: "care_enrolments",
                columns: new[] { "offer_id", "student_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_org_unit_id",
                schema: "family",
                table: "care_enrolments",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_enrolments_student_id",
                schema: "family",
                table: "care_enrolments",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_offers_org_unit_id_term_starts",
                schema: "family",
                table: "care_offers",
                columns: new[] { "org_unit_id", "term_starts" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_attendance",
                schema: "family");

            migrationBuilder.DropTable(
                name: "care_enrolments",
                schema: "family");

            migrationBuilder.DropTable(
                name: "care_offers",
                schema: "family");
        }
    }
}
