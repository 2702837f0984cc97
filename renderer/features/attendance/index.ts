export { AttendancePage } from './attendance_page';
export { AttendanceOverview } from './attendance_overview';
export { PhoneLink } from './people_lists';
export { hashFor, useHashIdParam } from './hash_params';
export { useEventClock, type EventClock } from './event_clock';
