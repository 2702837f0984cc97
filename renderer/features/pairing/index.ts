export { DeviceGate, type DeviceAccess } from './device_gate';
