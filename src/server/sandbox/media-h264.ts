/**
 * A minimal H.264 (constrained baseline) encoder for flat-colour frames: every macroblock is I_PCM
 * (raw samples), so no transform or entropy coding is needed and any decoder can play it.
 */

/** A 4:2:0 colour in Y, Cb, Cr (each 16..235 so no sample is ever zero). */
export type Ycbcr = readonly [number, number, number];

/** SPS, PPS and one IDR slice per frame, as NAL units with header byte and emulation prevention. */
export interface H264Stream {
  sps: Uint8Array;
  pps: Uint8Array;
  frames: Uint8Array[];
}

class BitWriter {
  private readonly bytes: number[] = [];
  private current = 0;
  private used = 0;

  u(bits: number, value: number): void {
    for (let i = bits - 1; i >= 0; i--) this.bit((value >>> i) & 1);
  }
  ue(value: number): void {
    const code = value + 1;
    const length = Math.floor(Math.log2(code));
    this.u(length, 0);
    this.u(length + 1, code);
  }
  se(value: number): void {
    this.ue(value <= 0 ? -2 * value : 2 * value - 1);
  }
  alignZero(): void {
    while (this.used !== 0) this.bit(0);
  }
  raw(data: Uint8Array): void {
    for (const byte of data) this.u(8, byte);
  }
  trailing(): Uint8Array {
    this.bit(1);
    this.alignZero();
    return Uint8Array.from(this.bytes);
  }
  private bit(value: number): void {
    this.current = (this.current << 1) | value;
    this.used++;
    if (this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }
}

/** Wraps an RBSP as a NAL unit: header byte, then payload with emulation-prevention bytes. */
function nal(refIdc: number, type: number, rbsp: Uint8Array): Uint8Array {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const byte of rbsp) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

function sps(width: number, height: number): Uint8Array {
  const mbW = Math.ceil(width / 16);
  const mbH = Math.ceil(height / 16);
  const w = new BitWriter();
  w.u(8, 66); // profile_idc: baseline
  w.u(8, 0b11000000); // constraint_set0 + set1: constrained baseline
  w.u(8, 30); // level 3.0
  w.ue(0); // seq_parameter_set_id
  w.ue(0); // log2_max_frame_num_minus4
  w.ue(2); // pic_order_cnt_type 2: output order = decode order
  w.ue(1); // max_num_ref_frames
  w.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  w.ue(mbW - 1);
  w.ue(mbH - 1);
  w.u(1, 1); // frame_mbs_only_flag
  w.u(1, 1); // direct_8x8_inference_flag
  const cropRight = (mbW * 16 - width) / 2;
  const cropBottom = (mbH * 16 - height) / 2;
  const crop = cropRight > 0 || cropBottom > 0;
  w.u(1, crop ? 1 : 0);
  if (crop) for (const offset of [0, cropRight, 0, cropBottom]) w.ue(offset);
  w.u(1, 0); // vui_parameters_present_flag
  return nal(3, 7, w.trailing());
}

function pps(): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // pic_parameter_set_id
  w.ue(0); // seq_parameter_set_id
  w.u(2, 0); // entropy_coding_mode_flag (CAVLC), bottom_field_pic_order_in_frame_present_flag
  w.ue(0); // num_slice_groups_minus1
  w.ue(0); // num_ref_idx_l0_default_active_minus1
  w.ue(0); // num_ref_idx_l1_default_active_minus1
  w.u(3, 0); // weighted_pred_flag, weighted_bipred_idc
  w.se(0); // pic_init_qp_minus26
  w.se(0); // pic_init_qs_minus26
  w.se(0); // chroma_qp_index_offset
  w.u(3, 0b100); // deblocking_filter_control_present_flag=1, constrained_intra_pred, redundant_pic_cnt
  return nal(3, 8, w.trailing());
}

function idrSlice(mbCount: number, idrPicId: number, colour: Ycbcr): Uint8Array {
  const w = new BitWriter();
  w.ue(0); // first_mb_in_slice
  w.ue(7); // slice_type: I (all slices)
  w.ue(0); // pic_parameter_set_id
  w.u(4, 0); // frame_num
  w.ue(idrPicId);
  w.u(2, 0); // no_output_of_prior_pics_flag, long_term_reference_flag
  w.se(0); // slice_qp_delta
  w.ue(1); // disable_deblocking_filter_idc
  const samples = new Uint8Array(384);
  samples.fill(colour[0], 0, 256);
  samples.fill(colour[1], 256, 320);
  samples.fill(colour[2], 320, 384);
  for (let mb = 0; mb < mbCount; mb++) {
    w.ue(25); // mb_type I_PCM
    w.alignZero(); // pcm_alignment_zero_bit
    w.raw(samples);
  }
  return nal(3, 5, w.trailing());
}

/** Encodes `frameCount` flat frames of `width`×`height` (even, 2..1024) cycling through `colours`. */
export function encodeFlatH264(
  width: number,
  height: number,
  frameCount: number,
  colours: readonly Ycbcr[],
): H264Stream {
  const valid = (n: number) => Number.isInteger(n) && n >= 2 && n <= 1024 && n % 2 === 0;
  if (!valid(width) || !valid(height))
    throw new RangeError('H.264 frame sides must be even integers from 2 to 1024');
  const mbCount = Math.ceil(width / 16) * Math.ceil(height / 16);
  const frames: Uint8Array[] = [];
  for (let i = 0; i < Math.max(1, frameCount); i++) {
    const colour = colours[i % colours.length] ?? [128, 128, 128];
    frames.push(idrSlice(mbCount, i % 2, colour));
  }
  return { sps: sps(width, height), pps: pps(), frames };
}
