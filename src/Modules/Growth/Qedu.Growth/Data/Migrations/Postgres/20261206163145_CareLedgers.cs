using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CareLedgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "care_ledgers",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    student_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    caring_teacher = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    circumstances = table.Column<byte[]>(type: "bytea", nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_ledgers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_rooms",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    facilities = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    keeper = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_rooms", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "care_contacts",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ledger_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    note = table.Column<byte[]>(type: "bytea", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_contacts", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_contacts_care_ledgers_ledger_id",
                        column: x => x.ledger_id,
                        principalSchema: "growth",
                        principalTable: "care_ledgers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "care_room_uses",
                schema: "growth",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    room_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    children = table.Column<int>(type: "integer", nullable: false),
                    activity = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_care_room_uses", x => x.id);
                    table.ForeignKey(
                        name: "fk_care_room_uses_care_rooms_room_id",
                        column: x => x.room_id,
                        principalSchema: "growth",
                        principalTable: "care_rooms",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_care_contacts_ledger_id_day",
                schema: "growth",
                table: "care_contacts",
                columns: new[] { "ledger_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_care_ledgers_org_unit_id",
                schema: "growth",
                table: "care_ledgers",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_ledgers_student_id",
                schema: "growth",
                table: "care_ledgers",
                column: "student_id",
                unique: true,
                filter: "closed_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_care_room_uses_org_unit_id_day",
                schema: "growth",
                table: "care_room_uses",
                columns: new[] { "org_unit_id", "day" });

            migrationBuilder.CreateIndex(
                name: "ix_care_room_uses_room_id",
                schema: "growth",
                table: "care_room_uses",
                column: "room_id");

            migrationBuilder.CreateIndex(
                name: "ix_care_rooms_org_unit_id",
                schema: "growth",
                table: "care_rooms",
                column: "org_unit_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "care_contacts",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "care_room_uses",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "care_ledgers",
                schema: "growth");

            migrationBuilder.DropTable(
                name: "care_rooms",
                schema: "growth");
        }
    }
}
