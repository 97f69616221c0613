using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CareLedgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_care_ledgers",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    caring_teacher = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    circumstances = table.Column<byte[]>(type: "BLOB", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_care_ledgers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_care_rooms",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    facilities = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    keeper = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_care_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_care_contacts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ledger_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    note = table.Column<byte[]>(type: "BLOB", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_care_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_care_contacts_care_ledgers_ledger_id",
                        column: x => x.ledger_id,
                        principalTable: "growth_care_ledgers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "growth_care_room_uses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    room_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    children = table.Column<int>(type: "INTEGER", nullable: false),
                    activity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_care_room_uses", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_care_room_uses_growth_care_rooms_room_id",
                        column: x => x.room_id,
                        principalTable: "growth_care_rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_contacts_ledger_id_day",
                table: "growth_care_contacts",
                columns: new[] { "ledger_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_ledgers_org_unit_id",
                table: "growth_care_ledgers",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_ledgers_student_id",
                table: "growth_care_ledgers",
                column: "student_id",
                unique: true,
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_room_uses_org_unit_id_day",
                table: "growth_care_room_uses",
                columns: new[] { "org_unit_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_room_uses_room_id",
                table: "growth_care_room_uses",
                column: "room_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_care_rooms_org_unit_id",
                table: "growth_care_rooms",
                column: "org_unit_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_care_contacts");

            migrationBuilder.DropTable(
                name: "growth_care_room_uses");

            migrationBuilder.DropTable(
                name: "growth_care_ledgers");

            migrationBuilder.DropTable(
                name: "growth_care_rooms");
        }
    }
}
